package cn.perf.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class SessionAttributeCodecTest {

    private final SessionAttributeCodec codec = new SessionAttributeCodec(getClass().getClassLoader());
    private final SerializingConverter java = new SerializingConverter();

    private static List<GrantedAuthority> roles() {
        return List.of(new SimpleGrantedAuthority("ROLE_FILER"), new SimpleGrantedAuthority("ROLE_DEPARTMENT_REVIEWER"));
    }

    /**
     * What a form login stores: roles, the password factor, the request's details, credentials erased.
     */
    private static SecurityContextImpl signedIn(boolean erased, WebAuthenticationDetails details) {
        User user = new User("filer-001239", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", true, true, true, true,
                roles());
        List<GrantedAuthority> authorities = new ArrayList<>(roles());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(Instant.parse("2026-11-30T15:04:05.123456789Z")).build());
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(user, erased ? null : "secret", authorities);
        token.setDetails(details);
        if (erased) {
            token.eraseCredentials();
        }
        return new SecurityContextImpl(token);
    }

    @Test
    void aSignedInContextIsWrittenCompactlyAndReadBackFieldForField() {
        for (WebAuthenticationDetails details : Arrays.asList(new WebAuthenticationDetails("10.1.2.3", "s-1"),
                new WebAuthenticationDetails("127.0.0.1", null), null)) {
            SecurityContextImpl context = signedIn(true, details);
            byte[] bytes = codec.encode(context);

            assertThat(bytes).startsWith((byte) 'P', (byte) 'S', (byte) 'C', (byte) 1);
            assertThat(bytes.length).as("smaller than Java serialization").isLessThan(java.convert(context).length / 3);
            Object read = codec.decode(bytes);
            assertThat(read).isEqualTo(context);
            // every field, the private ones included (the password erased, the authorities' order and issue times)
            assertThat(read).usingRecursiveComparison().isEqualTo(context);
        }
    }

    @Test
    void authoritiesThatTheLoginSharedBetweenUserAndTokenAreReadBackEqual() {
        User user = new User("filer-001239", "pw", roles());
        SecurityContextImpl context = new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        Object read = codec.decode(codec.encode(context));
        assertThat(read).isEqualTo(context);
        List<GrantedAuthority> readAuthorities =
                new ArrayList<>(((SecurityContextImpl) read).getAuthentication().getAuthorities());
        assertThat(readAuthorities).containsExactlyElementsOf(context.getAuthentication().getAuthorities());
    }

    @Test
    void aUserWhosePasswordIsKeptOrWhoIsLockedKeepsExactlyThat() {
        User locked = new User("x", "{noop}pw", false, false, false, false, List.of());
        SecurityContextImpl context = new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(locked, null, List.of()));
        byte[] bytes = codec.encode(context);
        assertThat(bytes).startsWith((byte) 'P', (byte) 'S', (byte) 'C');
        Object read = codec.decode(bytes);
        assertThat(read).usingRecursiveComparison().isEqualTo(context);
        assertThat(((User) ((SecurityContextImpl) read).getAuthentication().getPrincipal()).getPassword())
                .isEqualTo("{noop}pw");
    }

    @Test
    void theCsrfTokenIsWrittenCompactly() {
        DefaultCsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "0b7c3f0e-5d1e-4f7a-9a55-2f6c1a1e9c11");
        byte[] bytes = codec.encode(token);
        assertThat(bytes).startsWith((byte) 'P', (byte) 'C', (byte) 'T', (byte) 1);
        assertThat(codec.decode(bytes)).usingRecursiveComparison().isEqualTo(token);
    }

    private record OtherAuthority(String authority) implements GrantedAuthority, Serializable {
        @Override
        public String getAuthority() {
            return authority;
        }
    }

    private static final class CustomUser extends User {
        CustomUser() {
            super("custom", "pw", List.of());
        }
    }

    @Test
    void anyOtherShapeOrValueIsJavaSerializedAsBeforeAndReadBackEqual() {
        Map<String, Object> flash = new HashMap<>();
        flash.put("saved", true);
        List<Object> others = List.of(
                signedIn(false, null), // credentials kept
                new SecurityContextImpl(), // nobody signed in
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.unauthenticated("x", null)),
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        new User("x", "pw", List.of(new OtherAuthority("ROLE_X"))), null, List.of())),
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        new CustomUser(), null, List.of())),
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        new User("x", "pw", List.of()), null, List.of(new OtherAuthority("ROLE_X")))),
                "已保存", 42L, flash, new ArrayList<>(List.of("a", "b")));
        for (Object value : others) {
            byte[] bytes = codec.encode(value);
            assertThat(bytes).as("Java serialization for %s", value).startsWith((byte) 0xAC, (byte) 0xED);
            assertThat(bytes).isEqualTo(java.convert(value));
            assertThat(codec.decode(bytes)).isEqualTo(value);
        }
    }

    @Test
    void sessionsStoredBeforeTheCodecAreReadAsBefore() {
        SecurityContextImpl context = signedIn(true, new WebAuthenticationDetails("10.1.2.3", "s-1"));
        assertThat(codec.decode(java.convert(context))).isEqualTo(context);
    }

    @Test
    void aDamagedCompactValueIsAnErrorNotAHalfReadUser() {
        byte[] bytes = codec.encode(signedIn(true, null));
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> codec.decode(cut)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void theConversionServiceIsWhatSpringSessionCalls() {
        ConversionService service = codec.conversionService();
        DefaultCsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t");
        byte[] bytes = (byte[]) service.convert(token, TypeDescriptor.valueOf(Object.class),
                TypeDescriptor.valueOf(byte[].class));
        assertThat(bytes).startsWith((byte) 'P', (byte) 'C', (byte) 'T');
        Object read = service.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
        assertThat(read).isInstanceOf(DefaultCsrfToken.class);
        assertThat(((DefaultCsrfToken) read).getToken()).isEqualTo("t");
    }
}

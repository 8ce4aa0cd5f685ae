package cn.perf.web.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Session attributes to bytes and back. Every page reads two attributes of its session: the security context (who is
 * signed in) and the CSRF token. Spring Session stores attributes Java-serialized, and reading those two back
 * (class descriptors, reflection, a sorted set of authorities) was about 8 % of the CPU of a kept page
 * (docs/performance.md). They are written here in a compact form of their own, exactly the fields the objects hold:
 * <ul>
 * <li>a {@link SecurityContextImpl} holding an authenticated {@link UsernamePasswordAuthenticationToken} whose
 * principal is a {@link User}, with authorities that are {@link SimpleGrantedAuthority} or
 * {@link FactorGrantedAuthority}, no credentials and {@link WebAuthenticationDetails} or no details;</li>
 * <li>a {@link DefaultCsrfToken}.</li>
 * </ul>
 * Anything else, and any value of another shape than these exact classes (a subclass, credentials kept, another kind
 * of authority), is Java-serialized as before, so nothing is ever lost; bytes written before this codec existed (Java
 * serialization, which begins with {@code 0xACED}) are read as before. Compact values begin with a tag of their own.
 */
final class SessionAttributeCodec {

    private static final byte[] SECURITY_CONTEXT = {'P', 'S', 'C', 1};
    private static final byte[] CSRF_TOKEN = {'P', 'C', 'T', 1};

    private static final byte NO_DETAILS = 0;
    private static final byte WEB_DETAILS = 1;
    private static final byte SIMPLE_AUTHORITY = 0;
    private static final byte FACTOR_AUTHORITY = 1;

    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;

    SessionAttributeCodec(ClassLoader classLoader) {
        this.deserializer = new DeserializingConverter(classLoader);
    }

    /** Spring Session's conversion service with this codec (set on the repository by SessionConfiguration). */
    GenericConversionService conversionService() {
        GenericConversionService service = new GenericConversionService();
        service.addConverter(Object.class, byte[].class, this::encode);
        service.addConverter(byte[].class, Object.class, this::decode);
        return service;
    }

    byte[] encode(Object value) {
        byte[] compact = compact(value);
        return compact != null ? compact : serializer.convert(value);
    }

    Object decode(byte[] bytes) {
        try {
            if (startsWith(bytes, SECURITY_CONTEXT)) {
                return readSecurityContext(input(bytes, SECURITY_CONTEXT));
            }
            if (startsWith(bytes, CSRF_TOKEN)) {
                DataInputStream in = input(bytes, CSRF_TOKEN);
                String headerName = in.readUTF();
                String parameterName = in.readUTF();
                return new DefaultCsrfToken(headerName, parameterName, in.readUTF());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a session attribute could not be read", e);
        }
        return deserializer.convert(bytes);
    }

    /** The compact form, or null where the value is not exactly of a shape written here. */
    private static byte[] compact(Object value) {
        try {
            if (value.getClass() == SecurityContextImpl.class) {
                return securityContext(((SecurityContextImpl) value).getAuthentication());
            }
            if (value.getClass() == DefaultCsrfToken.class) {
                DefaultCsrfToken token = (DefaultCsrfToken) value;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
                DataOutputStream out = new DataOutputStream(bytes);
                out.write(CSRF_TOKEN);
                out.writeUTF(token.getHeaderName());
                out.writeUTF(token.getParameterName());
                out.writeUTF(token.getToken());
                return bytes.toByteArray();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] securityContext(Authentication authentication) throws IOException {
        if (authentication == null || authentication.getClass() != UsernamePasswordAuthenticationToken.class
                || !authentication.isAuthenticated() || authentication.getCredentials() != null
                || authentication.getPrincipal() == null || authentication.getPrincipal().getClass() != User.class
                || !plainAuthorities(authentication.getAuthorities())) {
            return null;
        }
        Object details = authentication.getDetails();
        if (details != null && details.getClass() != WebAuthenticationDetails.class) {
            return null;
        }
        User user = (User) authentication.getPrincipal();
        if (!plainAuthorities(user.getAuthorities())) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(SECURITY_CONTEXT);
        out.writeUTF(user.getUsername());
        writeNullable(out, user.getPassword());
        out.writeBoolean(user.isEnabled());
        out.writeBoolean(user.isAccountNonExpired());
        out.writeBoolean(user.isCredentialsNonExpired());
        out.writeBoolean(user.isAccountNonLocked());
        writeAuthorities(out, user.getAuthorities());
        writeAuthorities(out, authentication.getAuthorities());
        if (details == null) {
            out.writeByte(NO_DETAILS);
        } else {
            WebAuthenticationDetails web = (WebAuthenticationDetails) details;
            out.writeByte(WEB_DETAILS);
            writeNullable(out, web.getRemoteAddress());
            writeNullable(out, web.getSessionId());
        }
        return bytes.toByteArray();
    }

    private static SecurityContextImpl readSecurityContext(DataInputStream in) throws IOException {
        String username = in.readUTF();
        String password = readNullable(in);
        boolean enabled = in.readBoolean();
        boolean accountNonExpired = in.readBoolean();
        boolean credentialsNonExpired = in.readBoolean();
        boolean accountNonLocked = in.readBoolean();
        User user = new User(username, password == null ? "" : password, enabled, accountNonExpired,
                credentialsNonExpired, accountNonLocked, readAuthorities(in));
        if (password == null) {
            user.eraseCredentials();
        }
        List<GrantedAuthority> authorities = readAuthorities(in);
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        byte details = in.readByte();
        if (details == WEB_DETAILS) {
            String remoteAddress = readNullable(in);
            token.setDetails(new WebAuthenticationDetails(remoteAddress, readNullable(in)));
        } else if (details != NO_DETAILS) {
            throw new IOException("unknown details kind " + details);
        }
        return new SecurityContextImpl(token);
    }

    private static boolean plainAuthorities(Collection<? extends GrantedAuthority> authorities) {
        for (GrantedAuthority a : authorities) {
            if (a == null || a.getAuthority() == null) {
                return false;
            }
            if (a.getClass() == FactorGrantedAuthority.class) {
                if (((FactorGrantedAuthority) a).getIssuedAt() == null) {
                    return false;
                }
            } else if (a.getClass() != SimpleGrantedAuthority.class) {
                return false;
            }
        }
        return true;
    }

    private static void writeAuthorities(DataOutputStream out, Collection<? extends GrantedAuthority> authorities)
            throws IOException {
        out.writeInt(authorities.size());
        for (GrantedAuthority a : authorities) {
            if (a instanceof FactorGrantedAuthority factor) {
                out.writeByte(FACTOR_AUTHORITY);
                out.writeUTF(factor.getAuthority());
                out.writeLong(factor.getIssuedAt().getEpochSecond());
                out.writeInt(factor.getIssuedAt().getNano());
            } else {
                out.writeByte(SIMPLE_AUTHORITY);
                out.writeUTF(a.getAuthority());
            }
        }
    }

    private static List<GrantedAuthority> readAuthorities(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new IOException("unreadable number of authorities " + n);
        }
        List<GrantedAuthority> authorities = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte kind = in.readByte();
            String authority = in.readUTF();
            if (kind == FACTOR_AUTHORITY) {
                Instant issuedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
                authorities.add(FactorGrantedAuthority.withAuthority(authority).issuedAt(issuedAt).build());
            } else if (kind == SIMPLE_AUTHORITY) {
                authorities.add(new SimpleGrantedAuthority(authority));
            } else {
                throw new IOException("unknown authority kind " + kind);
            }
        }
        return authorities;
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static boolean startsWith(byte[] bytes, byte[] tag) {
        return bytes.length >= tag.length && Arrays.equals(bytes, 0, tag.length, tag, 0, tag.length);
    }

    private static DataInputStream input(byte[] bytes, byte[] tag) {
        return new DataInputStream(new ByteArrayInputStream(bytes, tag.length, bytes.length - tag.length));
    }
}

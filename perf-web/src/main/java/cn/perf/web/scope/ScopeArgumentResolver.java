package cn.perf.web.scope;

import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.ScopeResolver;
import java.security.Principal;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every controller method that declares a {@link Scope} parameter the signed-in user's scope, built from the
 * database on each request (no state kept in this node's memory, so any node serves any request). An anonymous
 * request gets a scope that sees nothing.
 */
@Configuration(proxyBeanMethods = false)
class ScopeArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final ScopeResolver scopes;

    ScopeArgumentResolver(ScopeResolver scopes) {
        this.scopes = scopes;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Scope.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? Scope.none("anonymous") : scopes.forUser(principal.getName());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}

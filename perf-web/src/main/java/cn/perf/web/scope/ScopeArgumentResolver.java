package cn.perf.web.scope;

import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every controller method that declares a {@link Scope} (or {@link Viewer}) parameter the signed-in user's
 * scope (or profile and scope), built from the database on each request by {@link RequestViewer} (no state kept in
 * this node's memory, so any node serves any request). An anonymous request gets a scope that sees nothing.
 */
@Configuration(proxyBeanMethods = false)
class ScopeArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final RequestViewer viewers;

    ScopeArgumentResolver(RequestViewer viewers) {
        this.viewers = viewers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Scope.class.equals(parameter.getParameterType()) || Viewer.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Viewer viewer = viewers.of(request.getNativeRequest(HttpServletRequest.class));
        return Scope.class.equals(parameter.getParameterType()) ? viewer.scope() : viewer;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}

package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import cn.perf.web.scope.RequestViewer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.ui.ExtendedModelMap;

/** The shell's model on the 503 page: the database that failed is not asked again (issue 12, PostgreSQL restart). */
class ShellModelAdviceTest {

    @Test
    void theDatabaseUnavailablePageDoesNotAskTheDatabaseForTheProfile() {
        RequestViewer viewers = mock(RequestViewer.class);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 503);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/declarations");
        ExtendedModelMap model = new ExtendedModelMap();

        new ShellModelAdvice(viewers).shell(request,
                UsernamePasswordAuthenticationToken.authenticated("filer-001239", null, List.of()), model);

        verifyNoInteractions(viewers);
        assertThat(model).containsEntry("currentPath", "/declarations").doesNotContainKey("currentUser");
    }
}

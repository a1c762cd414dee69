package fr.observatoire.ia.plugin.intranet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The host application's AI features, standing in for a real intranet: answers 200 with "ok", or what the query
 * asks ({@code ?status=404}, {@code ?status=302}, {@code ?throw}, {@code ?async}).
 */
final class HostServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getParameter("throw") != null) {
            throw new ServletException("the host application failed");
        }
        if (request.getParameter("async") != null) {
            AsyncContext async = request.startAsync();
            async.start(() -> {
                try {
                    answer((HttpServletRequest) async.getRequest(), (HttpServletResponse) async.getResponse());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    async.complete();
                }
            });
            return;
        }
        answer(request, response);
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String status = request.getParameter("status");
        int code = status == null ? 200 : Integer.parseInt(status);
        if (code == 302) {
            response.sendRedirect(request.getContextPath() + "/done");
        } else if (code >= 400) {
            response.sendError(code);
        } else {
            response.setStatus(code);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("ok");
        }
    }
}

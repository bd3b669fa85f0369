package dev.bearing.web;

import dev.bearing.common.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Until consultants log in, everything a consultant uses answers only requests from the machine
 * Bearing runs on: the pages under {@code /} and {@code /assessments}, and the API under
 * {@code /api/v1/assessments} (which lists every respondent's secret link). Respondents' own
 * paths ({@code /survey/...}, {@code /api/v1/respondents/...}) and the questionnaires stay open.
 * {@code bearing.consultant-pages.allow-remote=true} lifts the restriction, for use behind an
 * access-controlling proxy.
 */
@ApplicationScoped
public class ConsultantAccess {

    @jakarta.inject.Inject
    dev.bearing.common.BearingConfig config;

    /** Refuses remote requests to consultant paths: 403 problem+json for the API, a page otherwise. */
    @ServerRequestFilter(preMatching = true)
    public Response filter(ContainerRequestContext context, HttpServerRequest request) {
        String path = context.getUriInfo().getPath();
        if (config.consultantPages().allowRemote() || !isConsultantPath(path) || isLocal(request.remoteAddress() == null ? null
                : request.remoteAddress().hostAddress())) {
            return null;
        }
        String detail = "This part of Bearing answers only on the machine it runs on until consultants log in. "
                + "Open it there, or set BEARING_CONSULTANT_PAGES_ALLOW_REMOTE=true behind your own access control.";
        if (path.startsWith("/api/")) {
            return Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", "Forbidden", 403, detail, List.of())).build();
        }
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Only on this machine</title></head>"
                        + "<body><h1>Only on this machine</h1><p>" + detail + "</p></body></html>")
                .build();
    }

    /**
     * @param path request path
     * @return whether the path belongs to the consultant's side
     */
    static boolean isConsultantPath(String path) {
        return path.equals("/") || path.isEmpty() || path.startsWith("/assessments") || path.startsWith("/api/v1/assessments");
    }

    /**
     * @param address remote IP address, may be null
     * @return whether it is a loopback address (127.0.0.0/8 or ::1)
     */
    static boolean isLocal(String address) {
        if (address == null) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

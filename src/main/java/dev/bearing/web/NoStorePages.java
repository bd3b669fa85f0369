package dev.bearing.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * HTML pages are never served from the browser's HTTP cache: a page shown again by Back must
 * carry the answers' current versions, or the next change would be refused as stale.
 */
public class NoStorePages {

    /** Adds {@code Cache-Control: no-store} to every HTML response. */
    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}

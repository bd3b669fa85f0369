package dev.bearing.web;

import jakarta.ws.rs.core.Response;

/**
 * The redirect every page form ends in: a 303 whose Location is the path alone. The browser
 * resolves it against the address it used, so neither the Host header nor the public URL (which
 * may name a proxy) is involved, and a reload never posts the form again.
 */
final class Redirects {

    private Redirects() {
    }

    /** @return a 303 to the path */
    static Response seeOther(String path) {
        return seeOtherWith(path).build();
    }

    /** @return a 303 to the path, to which cookies can still be added */
    static Response.ResponseBuilder seeOtherWith(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path);
    }
}

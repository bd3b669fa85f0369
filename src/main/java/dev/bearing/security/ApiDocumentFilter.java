package dev.bearing.security;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Adds the personal API token to the OpenAPI document (and so to Swagger UI's Authorize): Quarkus
 * documents only HTTP Basic, the one mechanism it knows of, while scripts are meant to use a token
 * made on the Account page ({@link ApiTokenMechanism}). Every operation that asks for Basic accepts
 * the token instead. It runs when the document is asked for, not at start-up: a filter registered
 * by {@code mp.openapi.filter} made Quarkus build the whole document while the app started (about a
 * sixth of the main thread's start-up work), for a page few people open. It must run after Quarkus'
 * own security filter has marked the operations, which a build-time filter would not.
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(stages = io.quarkus.smallrye.openapi.OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class ApiDocumentFilter implements OASFilter {

    /** The token scheme's name in the document. */
    static final String TOKEN = "token";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(TOKEN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A personal API token, made on the Account page: Authorization: Bearer bearing_…"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(ApiDocumentFilter::acceptToken);
            }
        });
    }

    private static void acceptToken(Operation op) {
        if (op.getSecurity() == null || op.getSecurity().isEmpty()
                || op.getSecurity().stream().anyMatch(r -> r.hasScheme(TOKEN))) {
            return;
        }
        SecurityRequirement token = OASFactory.createSecurityRequirement().addScheme(TOKEN);
        op.addSecurityRequirement(token);
    }
}

package org.promiseledger.api.internal;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The title and sign-in of the OpenAPI description springdoc serves at /v3/api-docs. */
@OpenAPIDefinition(info = @Info(title = "Promise Ledger API", version = "v1",
        description = "Runs, progress, metrics, payouts, rejects, approvals, adjustments and the payroll export of Promise"
                + " Ledger. Sign in with a personal API token (HR creates them on the Tokens page or with `tokens create`):"
                + " `Authorization: Bearer <token>`. A read token reads what its login may read; writes need an operate"
                + " token of an HR login. Errors are RFC 9457 problem details."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
final class OpenApiDescription {

    private OpenApiDescription() {
    }
}

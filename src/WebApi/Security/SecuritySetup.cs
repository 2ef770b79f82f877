using Kasify.Application.Accounts;
using Kasify.Application.Crew;

namespace Kasify.WebApi.Security;

/// <summary>The web layer's security settings and middleware, in one place for Program.cs.</summary>
public static class SecuritySetup
{
    public static WebApplicationBuilder AddKasifySecurity(this WebApplicationBuilder builder)
    {
        StartupChecks.RequireSafePublicUrls(builder.Configuration, builder.Environment);
        builder.Services.AddOptions<PersonalAccessTokenOptions>().Bind(builder.Configuration.GetSection(PersonalAccessTokenOptions.SectionName));
        builder.Services.AddOptions<InvitationOptions>().Bind(builder.Configuration.GetSection(InvitationOptions.SectionName));
        builder.Services.AddKasifyReverseProxy(builder.Configuration);
        builder.Services.AddKasifyCors(builder.Configuration);
        return builder;
    }

    /// <summary>First in the pipeline: the client's real address and scheme, then headers on every answer.</summary>
    public static WebApplication UseKasifyRequestSecurity(this WebApplication app)
    {
        StartupChecks.WarnAboutUnprotectedKeys(app);
        if (ReverseProxySetup.IsConfigured(app.Configuration)) app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    /// <summary>After routing, before authentication: CORS, and 401 before routing's own 405/415.</summary>
    public static WebApplication UseKasifyEndpointSecurity(this WebApplication app)
    {
        app.UseCors();
        app.UseMiddleware<ChallengeBeforeRejectionMiddleware>();
        return app;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Template;

namespace Kasify.WebApi.Security;

/// <summary>
/// Routing answers 415 (wrong content type) or 405 (wrong method) before authorization ever runs, so an anonymous
/// caller could learn what a secured endpoint accepts. When every endpoint on the path is secured, the rejection keeps
/// its status but gains that endpoint's authorization: an anonymous caller gets 401 first, an unregistered one 403.
/// </summary>
internal sealed class ChallengeBeforeRejectionMiddleware(RequestDelegate next, EndpointDataSource endpoints)
{
    // The display names ASP.NET Core gives its routing rejection endpoints (AcceptsMatcherPolicy, HttpMethodMatcherPolicy).
    private const string UnsupportedMediaType = "415 HTTP Unsupported Media Type";
    private const string MethodNotAllowed = "405 HTTP Method Not Supported";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } rejection and not RouteEndpoint
            && rejection.DisplayName is UnsupportedMediaType or MethodNotAllowed
            && SecuredCandidate(context.Request, sameMethod: rejection.DisplayName == UnsupportedMediaType) is { } secured)
        {
            var authorization = secured.Metadata.Where(m => m is IAuthorizeData or AuthorizationPolicy or IAuthorizationRequirementData);
            context.SetEndpoint(new Endpoint(rejection.RequestDelegate, new EndpointMetadataCollection(authorization), rejection.DisplayName));
        }
        return next(context);
    }

    /// <summary>An endpoint matching the path, when all that match are secured; null if any is public.</summary>
    private RouteEndpoint? SecuredCandidate(HttpRequest request, bool sameMethod)
    {
        RouteEndpoint? secured = null;
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (sameMethod && endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods
                           && !methods.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)) continue;
            if (!new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary()).TryMatch(request.Path, new RouteValueDictionary()))
                continue;
            var isSecured = endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            if (!isSecured) return null;
            secured ??= endpoint;
        }
        return secured;
    }
}

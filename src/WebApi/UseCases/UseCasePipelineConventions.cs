using System.Reflection;
using Kasify.Application.Common;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Kasify.WebApi.UseCases;

/// <summary>
/// Puts every endpoint mapped under the returned group through the use-case pipeline: an endpoint whose delegate takes
/// a handler with a <see cref="UseCaseScopeAttribute"/> gets that scope as metadata and one filter that admits the
/// caller (<see cref="UseCasePipeline"/>) and runs the request's <see cref="IRequestValidator{TRequest}"/>s, after model
/// binding (so malformed input stays a 400) and before the handler. Endpoints without such a handler are left as they
/// are, at no cost per request.
/// </summary>
public static class UseCasePipelineConventions
{
    public static RouteGroupBuilder MapUseCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        ((IEndpointConventionBuilder)group).Add(Apply);
        return group;
    }

    private static void Apply(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<MethodInfo>().LastOrDefault() is not { } method) return;
        var parameters = method.GetParameters();
        var scopes = parameters.Select(p => p.ParameterType.GetCustomAttribute<UseCaseScopeAttribute>()).OfType<UseCaseScopeAttribute>().Distinct().ToList();
        if (scopes.Count == 0) return;
        if (scopes.Count > 1) throw new InvalidOperationException($"{endpoint.DisplayName} takes handlers of different use-case scopes.");
        var scope = scopes[0];
        var propertyId = scope is PropertyScopeAttribute ? PropertyIdSource.Find(endpoint, parameters) : null;
        var validators = RequestValidation.For(endpoint.ApplicationServices, parameters);
        endpoint.Metadata.Add(scope);
        endpoint.FilterFactories.Add((_, next) => new UseCaseFilter(scope, propertyId, validators, next).InvokeAsync);
    }

    /// <summary>Where a property scope finds its property: the route value after <c>/properties/</c>, else the body.</summary>
    private static class PropertyIdSource
    {
        public static Func<EndpointFilterInvocationContext, Guid?> Find(EndpointBuilder endpoint, ParameterInfo[] parameters)
        {
            var routeName = (endpoint as RouteEndpointBuilder)?.RoutePattern is { } pattern ? AfterProperties(pattern) : null;
            var index = Array.FindIndex(parameters, p => routeName is not null && p.Name == routeName && p.ParameterType == typeof(Guid));
            if (index >= 0) return c => c.GetArgument<Guid>(index);
            index = Array.FindIndex(parameters, p => p.ParameterType.IsAssignableTo(typeof(IPropertyRequest)));
            if (index >= 0) return c => c.GetArgument<IPropertyRequest?>(index)?.PropertyId;
            throw new InvalidOperationException($"{endpoint.DisplayName} has a property scope but neither a /properties/{{id}} route value nor an IPropertyRequest body.");
        }

        private static string? AfterProperties(RoutePattern pattern)
        {
            var segments = pattern.PathSegments;
            for (var i = 0; i + 1 < segments.Count; i++)
                if (segments[i].Parts is [RoutePatternLiteralPart { Content: "properties" }] && segments[i + 1].Parts is [RoutePatternParameterPart parameter])
                    return parameter.Name;
            return null;
        }
    }
}

using Kasify.Application.Common;

namespace Kasify.WebApi.UseCases;

/// <summary>Admits the caller, then validates the request, then calls the endpoint; all decided once at startup.</summary>
internal sealed class UseCaseFilter(
    UseCaseScopeAttribute scope,
    Func<EndpointFilterInvocationContext, Guid?>? propertyId,
    IReadOnlyList<RequestValidation> validators,
    EndpointFilterDelegate next)
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context)
    {
        var services = context.HttpContext.RequestServices;
        await services.GetRequiredService<UseCasePipeline>().AdmitAsync(scope, propertyId?.Invoke(context), context.HttpContext.RequestAborted);
        if (validators.Count > 0) RequestValidation.Run(validators, context);
        return await next(context);
    }
}

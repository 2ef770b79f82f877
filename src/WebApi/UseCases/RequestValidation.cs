using System.Reflection;
using Kasify.Application.Common;

namespace Kasify.WebApi.UseCases;

/// <summary>One endpoint argument that has an <see cref="IRequestValidator{TRequest}"/>.</summary>
internal sealed record RequestValidation(int ArgumentIndex, Action<IServiceProvider, object, Validation> Validate)
{
    public static IReadOnlyList<RequestValidation> For(IServiceProvider services, ParameterInfo[] parameters)
    {
        var registered = services.GetRequiredService<IServiceProviderIsService>();
        var found = new List<RequestValidation>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (type.IsValueType || !registered.IsService(typeof(IRequestValidator<>).MakeGenericType(type))) continue;
            var run = typeof(RequestValidation).GetMethod(nameof(RunOne), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
            found.Add(new RequestValidation(i, run.CreateDelegate<Action<IServiceProvider, object, Validation>>()));
        }
        return found;
    }

    public static void Run(IReadOnlyList<RequestValidation> validations, EndpointFilterInvocationContext context)
    {
        var errors = new Validation();
        foreach (var validation in validations)
            if (context.Arguments[validation.ArgumentIndex] is { } request)
                validation.Validate(context.HttpContext.RequestServices, request, errors);
        errors.ThrowIfInvalid();
    }

    private static void RunOne<TRequest>(IServiceProvider services, object request, Validation errors) =>
        services.GetRequiredService<IRequestValidator<TRequest>>().Validate((TRequest)request, errors);
}

using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Application.Common;

public static class UseCaseServices
{
    /// <summary>The pipeline, its per-request caller and every <see cref="IRequestValidator{TRequest}"/> of the assembly.</summary>
    public static IServiceCollection AddUseCasePipeline(this IServiceCollection services)
    {
        services.AddScoped<UseCaseCaller>();
        services.AddScoped<UseCasePipeline>();
        var validators = typeof(UseCaseServices).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false });
        foreach (var validator in validators)
        foreach (var contract in validator.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestValidator<>)))
            services.AddSingleton(contract, validator);
        return services;
    }
}

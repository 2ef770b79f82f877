using System.Reflection;

namespace Kasify.UnitTests.Architecture;

/// <summary>One type from each layer's assembly.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(Kasify.Domain.Common.AggregateRoot).Assembly;
    public static readonly Assembly Application = typeof(Kasify.Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(Kasify.Infrastructure.Persistence.KasifyDbContext).Assembly;
    public static readonly Assembly WebApi = typeof(Kasify.WebApi.Endpoints.HealthEndpoints).Assembly;
}

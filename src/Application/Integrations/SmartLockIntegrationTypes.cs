using Kasify.Application.Common;

namespace Kasify.Application.Integrations;

/// <summary>The integration types that carry smart locks; anything else on those routes is 404.</summary>
public static class SmartLockIntegrationTypes
{
    public static string Require(string type) =>
        type is IntegrationTypes.Nuki or IntegrationTypes.Unifi ? type : throw new NotFoundException($"Integration type '{type}'");
}

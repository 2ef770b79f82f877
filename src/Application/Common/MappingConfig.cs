using Kasify.Application.Accounts;
using Kasify.Domain.Accounts;
using Mapster;

namespace Kasify.Application.Common;

/// <summary>The one explicit Mapster configuration; a test calls <c>Compile()</c> on it.</summary>
public static class MappingConfig
{
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<User, UserResponse>();
        return config;
    }
}

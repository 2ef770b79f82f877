using Kasify.Application.Accounts;
using Kasify.Application.Checkin;
using Kasify.Application.Crew;
using Kasify.Application.Properties;
using Kasify.Application.Tasks;
using Kasify.Application.Timeline;
using Kasify.Domain.Accounts;
using Kasify.Domain.Checkin;
using Kasify.Domain.Crew;
using Kasify.Domain.Properties;
using Kasify.Domain.SmartLocks;
using Kasify.Domain.Timeline;
using Mapster;

namespace Kasify.Application.Common;

/// <summary>
/// The one Mapster configuration: every response that copies an entity field for field, by name (docs/adr/0006). A
/// response that a role redacts or that computes a field is built by hand in its reader instead. A unit test calls
/// <c>Compile()</c> and <c>CompileProjection()</c>, which fail on a destination member without a source.
/// </summary>
public static class MappingConfig
{
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<User, UserResponse>();
        config.NewConfig<PersonalAccessToken, TokenResponse>();
        config.NewConfig<PropertyInvitation, InvitationResponse>();
        config.NewConfig<SmartLock, SmartLockSummary>();
        config.NewConfig<Property, PublicTaskProperty>();
        config.NewConfig<Activity, ActivityResponse>();
        config.NewConfig<Guest, CheckinGuest>();
        return config;
    }
}

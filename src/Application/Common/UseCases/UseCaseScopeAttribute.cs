using Kasify.Domain.Crew;

namespace Kasify.Application.Common;

/// <summary>
/// Who may enter a use case, declared once on its handler. The web layer reads it from the handler an endpoint takes
/// and runs <see cref="UseCasePipeline"/> before the handler: every endpoint of that handler gets the same checks, and
/// none can forget them (tests/Kasify.FunctionalTests/Platform/UseCasePipelineTests.cs walks every endpoint).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public abstract class UseCaseScopeAttribute : Attribute
{
    /// <summary>True when the use case needs a registered caller (<see cref="UseCaseCaller.User"/>).</summary>
    public virtual bool NeedsRegisteredCaller => true;
}

/// <summary>Any valid token, registered or not: only registration itself.</summary>
public sealed class AnyTokenScopeAttribute : UseCaseScopeAttribute
{
    public override bool NeedsRegisteredCaller => false;
}

/// <summary>Any registered user acting on their own things (their account, their tokens, a new property).</summary>
public sealed class CallerScopeAttribute : UseCaseScopeAttribute;

/// <summary>
/// A registered user acting on one resource (a task, a booking's guest) whose property is only known once the handler
/// has loaded it; the handler authorises through <c>PropertyAccess</c> with that property (404 when not visible).
/// </summary>
public sealed class ResourceScopeAttribute(string resource) : UseCaseScopeAttribute
{
    public string Resource { get; } = resource;
}

/// <summary>The owner of the caller's account (integrations); anyone else gets 403 with <see cref="DeniedMessage"/>.</summary>
public sealed class AccountOwnerScopeAttribute(string deniedMessage) : UseCaseScopeAttribute
{
    public string DeniedMessage { get; } = deniedMessage;
}

/// <summary>
/// A role on one live property: no role at all → 404 (existence never leaks), a role not in <see cref="Allowed"/> → 403.
/// The property is the route's <c>/properties/{…}</c> value, or the <see cref="IPropertyRequest.PropertyId"/> of the body.
/// </summary>
public sealed class PropertyScopeAttribute(params AccessLevel[] allowed) : UseCaseScopeAttribute
{
    public IReadOnlyList<AccessLevel> Allowed { get; } = allowed;

    /// <summary>An archived (deleted) property still admits its roles: only the guest register, kept for the retention period.</summary>
    public bool IncludeArchived { get; init; }
}

/// <summary>A platform administrator (the token's admin claim); any other registered caller gets 403 with <see cref="DeniedMessage"/>.</summary>
public sealed class PlatformAdminScopeAttribute(string deniedMessage) : UseCaseScopeAttribute
{
    public string DeniedMessage { get; } = deniedMessage;
}

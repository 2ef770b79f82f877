using Kasify.Domain.Accounts;
using Kasify.Domain.Crew;

namespace Kasify.Application.Common;

/// <summary>
/// The caller of the current use case as the pipeline admitted it: the registered user and, for a property scope, their
/// role there. Resolved once per request; a handler reached without the pipeline fails loudly instead of skipping a check.
/// </summary>
public sealed class UseCaseCaller
{
    private User? _user;
    private Guid? _propertyId;
    private AccessLevel _role;

    public User User => _user ?? throw NotAdmitted("a registered caller");

    /// <summary>The caller's role on <paramref name="propertyId"/>, which the pipeline checked against the handler's scope.</summary>
    public AccessLevel RoleOn(Guid propertyId) =>
        _propertyId == propertyId ? _role : throw NotAdmitted($"a role on property {propertyId}");

    internal void Admit(User user) => _user = user;

    internal void AdmitOnProperty(Guid propertyId, AccessLevel role)
    {
        _propertyId = propertyId;
        _role = role;
    }

    private static InvalidOperationException NotAdmitted(string what) =>
        new($"The use case needs {what}, but the use-case pipeline did not admit one: declare the handler's scope " +
            "(UseCaseScopeAttribute) and map its endpoint under the pipeline.");
}

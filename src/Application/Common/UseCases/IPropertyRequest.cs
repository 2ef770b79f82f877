namespace Kasify.Application.Common;

/// <summary>A request body that names the property it acts on (when the route does not), for <see cref="PropertyScopeAttribute"/>.</summary>
public interface IPropertyRequest
{
    Guid? PropertyId { get; }
}

namespace Kasify.Domain.Common;

/// <summary>A business rule refused an operation; the API answers 409 or 422 with <see cref="Exception.Message"/>.</summary>
public class DomainRuleException(string message, bool isConflict = true) : Exception(message)
{
    public bool IsConflict { get; } = isConflict;
}

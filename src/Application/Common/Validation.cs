using System.Globalization;

namespace Kasify.Application.Common;

/// <summary>Collects field errors (snake_case keys, as on the wire) and throws them together.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public string? Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, $"{field} is required."); return null; }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) Add(field, $"{field} must be at most {maxLength} characters.");
        return trimmed;
    }

    public string? Optional(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) Add(field, $"{field} must be at most {maxLength} characters.");
        return trimmed;
    }

    /// <summary>A time of day as the API writes it (HH:mm); null when absent or invalid (then an error is added).</summary>
    public TimeOnly? TimeOfDay(string field, string? value)
    {
        if (value is null) return null;
        if (TimeOnly.TryParseExact(value.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        Add(field, $"{field} must be a time of day as HH:mm, e.g. 16:00.");
        return null;
    }

    /// <summary>The collected errors, in the shape of a problem details "errors" member.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new ValidationFailedException(ToDictionary());
    }
}

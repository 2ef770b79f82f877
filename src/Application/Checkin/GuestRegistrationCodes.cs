namespace Kasify.Application.Checkin;

/// <summary>SES.HOSPEDAJES code lists used by guest registration (vendors.md §4.3).</summary>
public static class GuestRegistrationCodes
{
    public const string Nif = "NIF";
    public const string Nie = "NIE";
    public const string Passport = "PAS";
    public const string OtherDocument = "OTRO";

    public static readonly IReadOnlySet<string> DocumentTypes = Set(Nif, Nie, Passport, OtherDocument);

    /// <summary>H hombre, M mujer, O otro.</summary>
    public static readonly IReadOnlySet<string> Sexes = Set("H", "M", "O");

    /// <summary>Parentesco: the minor's relationship to the responsible adult.</summary>
    public static readonly IReadOnlySet<string> RelationshipCodes =
        Set("AB", "BA", "BN", "CD", "CY", "HJ", "HR", "NI", "PM", "SB", "SG", "TI", "YN", "TU", "OT");

    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.Ordinal);
}

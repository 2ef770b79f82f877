using System.Globalization;
using System.Xml.Linq;

namespace Kasify.TestFakes.Ses;

/// <summary>
/// What vendors.md §4.3 documents about the inner <c>altaParteHospedaje</c> XML, and nothing more: limits marked
/// "(?)" there (lengths, codigoEstablecimiento size) are not enforced. Errors name paths, never values.
/// </summary>
internal static class FakeSesParteRules
{
    public static readonly XNamespace Namespace = "http://www.neg.hospedajes.mir.es/altaParteHospedaje";

    private static readonly FakeSesXmlField[] Peticion = [new("solicitud")];
    private static readonly FakeSesXmlField[] Solicitud = [new("codigoEstablecimiento"), new("comunicacion", Repeats: true)];
    private static readonly FakeSesXmlField[] Comunicacion = [new("contrato"), new("persona", Repeats: true)];

    private static readonly FakeSesXmlField[] Contrato =
    [
        new("referencia"), new("fechaContrato"), new("fechaEntrada"), new("fechaSalida"), new("numPersonas"),
        new("numHabitaciones", false), new("internet", false), new("pago"),
    ];

    private static readonly FakeSesXmlField[] Pago =
        [new("tipoPago"), new("fechaPago", false), new("medioPago", false), new("titular", false), new("caducidadTarjeta", false)];

    private static readonly FakeSesXmlField[] Persona =
    [
        new("rol"), new("nombre"), new("apellido1"), new("apellido2", false), new("tipoDocumento", false),
        new("numeroDocumento", false), new("soporteDocumento", false), new("fechaNacimiento"), new("nacionalidad"),
        new("sexo"), new("direccion"), new("telefono", false), new("telefono2", false), new("correo", false),
        new("parentesco", false),
    ];

    private static readonly FakeSesXmlField[] Direccion =
    [
        new("direccion"), new("direccionComplementaria", false), new("codigoMunicipio", false),
        new("nombreMunicipio", false), new("codigoPostal"), new("pais"),
    ];

    private static readonly string[] Roles = ["VI", "TI"];
    private static readonly string[] DocumentTypes = ["NIF", "NIE", "PAS", "OTRO"];
    private static readonly string[] Sexes = ["H", "M", "O"];
    private static readonly string[] PaymentTypes = ["EFECT", "TARJT", "PLATF", "TRANS", "MOVIL", "TREG", "DESTI", "OTRO"];
    private static readonly string[] Relationships = ["AB", "BA", "BN", "CD", "CY", "HJ", "HR", "NI", "PM", "SB", "SG", "TI", "YN", "TU", "OT"];
    private const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    public static List<string> Check(XDocument document)
    {
        var root = document.Root!;
        if (root.Name != Namespace + "peticion")
        {
            return [$"root must be peticion in {Namespace}"];
        }

        var errors = FakeSesXmlSequence.Check(root, "peticion", Peticion).ToList();
        foreach (var solicitud in root.Elements("solicitud"))
        {
            errors.AddRange(FakeSesXmlSequence.Check(solicitud, "solicitud", Solicitud));
            var n = 0;
            foreach (var comunicacion in solicitud.Elements("comunicacion"))
            {
                errors.AddRange(CheckComunicacion(comunicacion, $"solicitud/comunicacion[{++n}]"));
            }
        }

        return errors;
    }

    private static IEnumerable<string> CheckComunicacion(XElement comunicacion, string path)
    {
        var errors = FakeSesXmlSequence.Check(comunicacion, path, Comunicacion).ToList();
        var contrato = comunicacion.Element("contrato");
        DateOnly? checkIn = null;
        if (contrato is not null)
        {
            errors.AddRange(CheckContrato(contrato, $"{path}/contrato"));
            checkIn = ParseDateTime(contrato.Element("fechaEntrada")?.Value) is { } entrada ? DateOnly.FromDateTime(entrada) : null;
        }

        var adults = 0;
        var n = 0;
        foreach (var persona in comunicacion.Elements("persona"))
        {
            var personaPath = $"{path}/persona[{++n}]";
            errors.AddRange(CheckPersona(persona, personaPath, checkIn, out var isAdult));
            adults += isAdult ? 1 : 0;
        }

        if (n > 0 && adults == 0)
        {
            errors.Add($"{path}: a parte de viajeros needs at least one adult");
        }

        return errors;
    }

    private static IEnumerable<string> CheckContrato(XElement contrato, string path)
    {
        var errors = FakeSesXmlSequence.Check(contrato, path, Contrato).ToList();
        errors.AddRange(Format(contrato, path, "fechaContrato", v => ParseDate(v) is not null, "AAAA-MM-DD"));
        errors.AddRange(Format(contrato, path, "fechaEntrada", v => ParseDateTime(v) is not null, "AAAA-MM-DDThh:mm:ss"));
        // Most clients send a date-time here; one model sends a bare date, so both are accepted.
        errors.AddRange(Format(contrato, path, "fechaSalida", v => ParseDateTime(v) is not null || ParseDate(v) is not null, "AAAA-MM-DDThh:mm:ss"));
        errors.AddRange(Format(contrato, path, "numPersonas", v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1, "an integer >= 1"));
        errors.AddRange(Format(contrato, path, "numHabitaciones", v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _), "an integer"));
        errors.AddRange(Format(contrato, path, "internet", v => v is "true" or "false", "true or false"));
        if (contrato.Element("pago") is { } pago)
        {
            errors.AddRange(FakeSesXmlSequence.Check(pago, $"{path}/pago", Pago));
            errors.AddRange(Format(pago, $"{path}/pago", "tipoPago", PaymentTypes.Contains, "a tipoPago code"));
            errors.AddRange(Format(pago, $"{path}/pago", "fechaPago", v => ParseDate(v) is not null, "AAAA-MM-DD"));
        }

        return errors;
    }

    private static List<string> CheckPersona(XElement persona, string path, DateOnly? checkIn, out bool isAdult)
    {
        var errors = FakeSesXmlSequence.Check(persona, path, Persona).ToList();
        errors.AddRange(Format(persona, path, "rol", Roles.Contains, "VI or TI"));
        errors.AddRange(Format(persona, path, "tipoDocumento", DocumentTypes.Contains, "NIF, NIE, PAS or OTRO"));
        errors.AddRange(Format(persona, path, "sexo", Sexes.Contains, "H, M or O"));
        errors.AddRange(Format(persona, path, "nacionalidad", IsAlpha3, "ISO 3166-1 alpha-3"));
        errors.AddRange(Format(persona, path, "parentesco", Relationships.Contains, "a parentesco code"));
        errors.AddRange(Format(persona, path, "fechaNacimiento", v => ParseDate(v) is not null, "AAAA-MM-DD"));

        var birthDate = ParseDate(persona.Element("fechaNacimiento")?.Value);
        isAdult = birthDate is not null && checkIn is not null && birthDate.Value.AddYears(18) <= checkIn.Value;
        var documentType = persona.Element("tipoDocumento")?.Value;
        var documentNumber = persona.Element("numeroDocumento")?.Value;

        if (isAdult && (documentType is null || documentNumber is null))
        {
            errors.Add($"{path}: adults need tipoDocumento and numeroDocumento");
        }

        if (!isAdult && persona.Element("parentesco") is null)
        {
            errors.Add($"{path}/parentesco: missing for a minor");
        }

        if (documentType == "NIF" && persona.Element("apellido2") is null)
        {
            errors.Add($"{path}/apellido2: missing for a NIF");
        }

        if (documentType is "NIF" or "NIE")
        {
            if (persona.Element("soporteDocumento") is null)
            {
                errors.Add($"{path}/soporteDocumento: missing for a {documentType}");
            }

            if (documentNumber is not null && !HasValidCheckLetter(documentType, documentNumber))
            {
                errors.Add($"{path}/numeroDocumento: wrong check letter for a {documentType}");
            }
        }

        if (!new[] { "telefono", "telefono2", "correo" }.Any(name => persona.Element(name) is not null))
        {
            errors.Add($"{path}: needs telefono, telefono2 or correo");
        }

        if (persona.Element("direccion") is { } direccion)
        {
            errors.AddRange(CheckDireccion(direccion, $"{path}/direccion"));
        }

        return errors;
    }

    private static IEnumerable<string> CheckDireccion(XElement direccion, string path)
    {
        var errors = FakeSesXmlSequence.Check(direccion, path, Direccion).ToList();
        errors.AddRange(Format(direccion, path, "pais", IsAlpha3, "ISO 3166-1 alpha-3"));
        if (direccion.Element("pais")?.Value == "ESP")
        {
            var code = direccion.Element("codigoMunicipio")?.Value;
            if (code is null || code.Length != 5 || !code.All(char.IsAsciiDigit))
            {
                errors.Add($"{path}/codigoMunicipio: a 5-digit INE code is required in Spain");
            }
        }
        else if (direccion.Element("nombreMunicipio") is null)
        {
            errors.Add($"{path}/nombreMunicipio: required outside Spain");
        }

        return errors;
    }

    private static IEnumerable<string> Format(XElement parent, string path, string name, Func<string, bool> isValid, string expected)
    {
        if (parent.Element(name) is { } element && !isValid(element.Value))
        {
            yield return $"{path}/{name}: expected {expected}";
        }
    }

    private static bool HasValidCheckLetter(string documentType, string number)
    {
        var value = number.ToUpperInvariant();
        if (documentType == "NIE" && value.Length > 0)
        {
            var prefix = "XYZ".IndexOf(value[0], StringComparison.Ordinal);
            if (prefix < 0)
            {
                return false;
            }

            value = prefix.ToString(CultureInfo.InvariantCulture) + value[1..];
        }

        return value.Length == 9
            && int.TryParse(value[..8], NumberStyles.None, CultureInfo.InvariantCulture, out var digits)
            && DniLetters[digits % 23] == value[8];
    }

    private static bool IsAlpha3(string value) => value.Length == 3 && value.All(char.IsAsciiLetterUpper);

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static DateTime? ParseDateTime(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime) ? dateTime : null;
}

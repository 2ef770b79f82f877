using System.Globalization;
using System.Text;

namespace Kasify.Application.Guests;

/// <summary>RFC 4180 CSV of the register (UTF-8, CRLF), with spreadsheet formula injection defused.</summary>
public static class GuestRegisterCsv
{
    private static readonly string[] Header =
    [
        "booking_id", "booking_reference", "check_in", "check_out", "guests_number", "guest_id", "registered_at", "first_name",
        "last_name", "second_last_name", "document_type", "document_number", "document_support_number", "date_of_birth",
        "nationality", "sex", "relationship_code", "residence_address", "residence_municipality_code", "residence_municipality",
        "residence_postal_code", "residence_country", "phone", "email", "ses_status", "ses_batch_id", "ses_submitted_at",
    ];

    public static string Write(GuestRegister register)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var r in register.Travellers)
        {
            Line(csv,
            [
                r.BookingId.ToString(), r.BookingReference, Local(r.CheckIn), Local(r.CheckOut), r.GuestsNumber.ToString(CultureInfo.InvariantCulture),
                r.GuestId.ToString(), Utc(r.RegisteredAt), r.FirstName, r.LastName, r.SecondLastName, r.DocumentType, r.DocumentNumber,
                r.DocumentSupportNumber, r.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Nationality, r.Sex,
                r.RelationshipCode, r.ResidenceAddress, r.ResidenceMunicipalityCode, r.ResidenceMunicipality, r.ResidencePostalCode,
                r.ResidenceCountry, r.Phone, r.Email, r.SesStatus, r.SesBatchId, r.SesSubmittedAt is { } at ? Utc(at) : null,
            ]);
        }
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IEnumerable<string?> cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A cell a spreadsheet would run as a formula gets a leading apostrophe; a phone number like +34… is left alone.
        if (value[0] is '=' or '@' or '\t' or '\r' || (value[0] is '+' or '-' && !(value.Length > 1 && char.IsDigit(value[1]))))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

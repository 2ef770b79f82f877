namespace Kasify.WebApi.OpenApi;

/// <summary>
/// The operation tags: the published reference's names first, then our additions. Each carries the one-line
/// description the document shows; the OpenAPI tests fail on an operation whose tag is not listed here.
/// </summary>
public static class ApiTags
{
    public const string AccessCodes = "AccessCodes";
    public const string Account = "Account";
    public const string Auth = "Auth";
    public const string Bookings = "Bookings";
    public const string Calendar = "Calendar";
    public const string Checkin = "Checkin";
    public const string Geo = "Geo";
    public const string Guests = "Guests";
    public const string Integrations = "Integrations";
    public const string Properties = "Properties";
    public const string PropertyMembers = "PropertyMembers";
    public const string SmartLocks = "SmartLocks";
    public const string Tasks = "Tasks";
    public const string Timeline = "Timeline";
    public const string Users = "Users";

    // Ours, beyond the published reference.
    public const string Tokens = "Tokens";
    public const string CalendarFeeds = "CalendarFeeds";
    public const string Files = "Files";
    public const string Admin = "Admin";
    public const string Ses = "Ses";

    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        (AccessCodes, "Digital access codes (PINs) a booking gets on the smart locks of its property."),
        (Account, "The signed-in user's own account and profile."),
        (Auth, "First sign-in: creates the user and their account from the token's claims."),
        (Bookings, "Stays and blocks per property, imported from channel calendars or entered by hand."),
        (Calendar, "Calendar views of bookings, blocks and tasks, per property or across properties."),
        (Checkin, "Public guest check-in through the booking's link: registers travellers for SES.HOSPEDAJES."),
        (Geo, "Countries, Spanish provinces and municipalities for address and nationality pickers (public)."),
        (Guests, "Travellers registered on the caller's bookings."),
        (Integrations, "Connections to Nuki, UniFi Access and SES.HOSPEDAJES, and the devices they reach."),
        (Properties, "Rental properties: details, cover image and archive."),
        (PropertyMembers, "A property's crew (managers, staff, contractors) and the invitations that add them."),
        (SmartLocks, "Smart locks attached to a property, with their live status."),
        (Tasks, "Cleaning and other jobs at a property, including the public view a cleaner opens without an account."),
        (Timeline, "What happens next and what happened: the upcoming days and the activity feed."),
        (Users, "Every user of the platform (platform administrators only)."),
        (Tokens, "Personal access tokens (kas_pat_…) for scripts; not in the published reference."),
        (CalendarFeeds, "Channel calendar sync now and the property's iCal export feed; not in the published reference."),
        (Files, "Stored uploads such as cover images, served by unguessable id; not in the published reference."),
        (Admin, "Platform administration: one-time links to the job dashboard; not in the published reference."),
        (Ses, "SES.HOSPEDAJES guest reports and the guest register; not in the published reference."),
    ];
}

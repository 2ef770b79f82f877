namespace Kasify.Domain.Checkin;

/// <summary>A guest's age and when it makes an adult: the registration form, the check-in page and the SES report all ask here.</summary>
public static class GuestAge
{
    /// <summary>From this age a guest gives a phone or email and needs no relationship to a responsible adult.</summary>
    public const int Adult = 18;

    /// <summary>Completed years on <paramref name="day"/>; someone born on 29 February turns a year older on 1 March in common years.</summary>
    public static int On(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return (day.Month, day.Day).CompareTo((dateOfBirth.Month, dateOfBirth.Day)) < 0 ? age - 1 : age;
    }

    public static bool IsAdult(int age) => age >= Adult;

    public static bool IsAdultOn(DateOnly dateOfBirth, DateOnly day) => IsAdult(On(dateOfBirth, day));
}

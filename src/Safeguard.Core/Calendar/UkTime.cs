namespace Safeguard.Calendar;

/// <summary>
/// UK local time (Europe/London: GMT in winter, BST in summer). Instants are stored in UTC; the law counts
/// days in local time, so "today" and the date of an instant are always taken here.
/// </summary>
public static class UkTime
{
    /// <summary>The IANA time zone the product uses; on Linux it comes from the system tzdata.</summary>
    public const string TimeZoneId = "Europe/London";

    private static readonly Lazy<TimeZoneInfo> Zone = new(() => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));

    public static TimeZoneInfo TimeZone => Zone.Value;

    /// <summary>The instant as UK local time, with the offset in force then (+00:00 or +01:00).</summary>
    public static DateTimeOffset ToUkLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The UK calendar date of the instant.</summary>
    public static DateOnly ToUkDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToUkLocal(instant).DateTime);

    /// <summary>Today's date in the UK, from the given clock.</summary>
    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return ToUkDate(timeProvider.GetUtcNow());
    }

    /// <summary>
    /// The instant at which UK clocks show <paramref name="localDateTime"/>. Refuses the hour skipped when the
    /// clocks go forward (no such time) and the hour repeated when they go back (two such times): for those,
    /// give the instant with its offset instead.
    /// </summary>
    /// <exception cref="ArgumentException">The local time does not exist or is ambiguous in the UK.</exception>
    public static DateTimeOffset FromUkLocal(DateTime localDateTime) =>
        TryFromUkLocal(localDateTime, out var instant, out var problem)
            ? instant
            : throw new ArgumentException($"{localDateTime:yyyy-MM-dd'T'HH:mm} {problem}.", nameof(localDateTime));

    /// <summary>The first instant of a UK day (midnight never falls in a clock change in the UK).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => FromUkLocal(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>The last instant of a UK day: "as at" a date means everything known by the end of that day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => StartOfDay(date.AddDays(1)).AddTicks(-1);

    /// <summary>As <see cref="FromUkLocal"/>, but says what is wrong instead of throwing.</summary>
    /// <param name="localDateTime">A UK wall-clock time; its <see cref="DateTime.Kind"/> is ignored.</param>
    /// <param name="instant">The instant, in UTC.</param>
    /// <param name="problem">Why there is no single such instant, or empty.</param>
    public static bool TryFromUkLocal(DateTime localDateTime, out DateTimeOffset instant, out string problem)
    {
        var unspecified = DateTime.SpecifyKind(localDateTime, DateTimeKind.Unspecified);
        instant = default;
        if (TimeZone.IsInvalidTime(unspecified))
        {
            problem = "did not happen in the UK: the clocks went forward an hour then";
            return false;
        }

        if (TimeZone.IsAmbiguousTime(unspecified))
        {
            problem = "happened twice in the UK (the clocks went back an hour); give the offset, +01:00 for the first time or +00:00 for the second";
            return false;
        }

        instant = new DateTimeOffset(unspecified, TimeZone.GetUtcOffset(unspecified)).ToUniversalTime();
        problem = string.Empty;
        return true;
    }
}

namespace Safeguard.Calendar;

/// <summary>Where the calendar learnt that a day is a bank holiday.</summary>
public enum HolidaySource
{
    /// <summary>The published England and Wales list the product carries (2014 to 2027 at the time of writing).</summary>
    KnownList,

    /// <summary>Generated from the standing rules for a year outside the known list.</summary>
    Rule,

    /// <summary>A one-off day proclaimed by Royal Proclamation and added by an administrator at run time.</summary>
    Proclaimed,
}

/// <summary>A bank holiday in England and Wales.</summary>
/// <param name="Date">The day off work (the substitute weekday when the holiday itself falls on a weekend).</param>
/// <param name="Title">The holiday's name, for example "Boxing Day".</param>
/// <param name="Source">Where the calendar learnt about it.</param>
/// <param name="Note">Extra detail such as "Substitute day", or null.</param>
public sealed record BankHoliday(DateOnly Date, string Title, HolidaySource Source, string? Note = null);

/// <summary>
/// A one-off bank holiday proclaimed for a particular year (a jubilee, a coronation, a state funeral), added
/// by an administrator without a new release of the product.
/// </summary>
public sealed record ProclaimedDay(DateOnly Date, string Title);

using Safeguard.Calendar;
using Safeguard.Timescales;

namespace Safeguard.Cli;

/// <summary>
/// What the command verbs need from the rest of the product, made on demand so a verb that does not need the
/// database never opens it. <see cref="CreateDefault"/> uses the bank holidays and timescales carried by the
/// product; a database-backed host replaces <see cref="Calendar"/> (proclaimed days) and
/// <see cref="Timescales"/> (local overrides).
/// </summary>
public sealed class CliServices
{
    /// <summary>Builds the working-day calendar, with whatever proclaimed days are in force.</summary>
    public required Func<CancellationToken, ValueTask<WorkingDayCalendar>> Calendar { get; init; }

    /// <summary>Builds the timescale catalogue, with whatever local overrides are in force.</summary>
    public required Func<CancellationToken, ValueTask<TimescaleCatalogue>> Timescales { get; init; }

    /// <summary>The clock.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>The known list and rules with no proclaimed days, the shipped timescales, the system clock.</summary>
    public static CliServices CreateDefault() => new()
    {
        Calendar = _ => ValueTask.FromResult(new WorkingDayCalendar([])),
        Timescales = _ => ValueTask.FromResult(TimescaleCatalogue.Default),
        Clock = TimeProvider.System,
    };
}

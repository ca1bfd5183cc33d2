using Safeguard.Calendar;

namespace Safeguard.Interchange.Cin.Rules;

/// <summary>
/// What a rule sees besides the child: the collection (its census period), the product's working-day calendar and
/// the collection's code lists; and where it reports. Rules call <see cref="Report"/> with the line and fields;
/// the code, severity and message come from the collection's rule list.
/// </summary>
public sealed class CinRuleContext
{
    private readonly Action<CinIssue> _sink;
    private CinRuleDefinition _rule = null!;
    private string? _childId;
    private readonly Dictionary<int, DateOnly> _workingDaysBeforeReference = [];
    private DateOnly? _workingDayBeforeStart;

    public CinRuleContext(CinCollection collection, WorkingDayCalendar calendar, CinReferenceData referenceData, Action<CinIssue> sink)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(referenceData);
        ArgumentNullException.ThrowIfNull(sink);
        Collection = collection;
        Calendar = calendar;
        ReferenceData = referenceData;
        _sink = sink;
    }

    public CinCollection Collection { get; }

    public WorkingDayCalendar Calendar { get; }

    public CinReferenceData ReferenceData { get; }

    /// <summary>The first day of the census period (1 April).</summary>
    public DateOnly Start => Collection.Start;

    /// <summary>The reference date: the last day of the census period (31 March).</summary>
    public DateOnly ReferenceDate => Collection.ReferenceDate;

    /// <summary>True when the date falls in the census period.</summary>
    public bool InCensusYear(DateOnly date) => Collection.Contains(date);

    /// <summary>
    /// DfE's "[ReferenceDate] minus <paramref name="workingDays"/> working days": the working day reached by counting
    /// that many working days back from the reference date (31 March 2025 minus 45 working days is Monday 27 January 2025).
    /// Worked out once per run and number of days: rules ask it of every open record.
    /// </summary>
    public DateOnly WorkingDaysBeforeReferenceDate(int workingDays)
    {
        if (!_workingDaysBeforeReference.TryGetValue(workingDays, out var date))
        {
            date = ReferenceDate;
            for (var counted = 0; counted < workingDays; counted++)
            {
                date = Calendar.PreviousWorkingDay(date);
            }

            _workingDaysBeforeReference[workingDays] = date;
        }

        return date;
    }

    /// <summary>The last working day before the census period starts.</summary>
    public DateOnly WorkingDayBeforeStart => _workingDayBeforeStart ??= Calendar.PreviousWorkingDay(Start);

    /// <summary>The header's reference date as given in the file (whole-return rules compare it with the collection).</summary>
    public CinHeader? Header { get; set; }

    /// <summary>Reports the current rule against the current child.</summary>
    public void Report(int? line, params string[] fields) =>
        _sink(new CinIssue(_rule.Code, _rule.Severity, _rule.Message, _childId, fields, line is > 0 ? line : null));

    /// <summary>Reports the current rule against the whole return (no child).</summary>
    public void ReportReturn(int? line, params string[] fields) =>
        _sink(new CinIssue(_rule.Code, _rule.Severity, _rule.Message, null, fields, line is > 0 ? line : null));

    /// <summary>Reports the current rule against a named child (cross-child rules).</summary>
    public void ReportChild(string? childId, int? line, params string[] fields) =>
        _sink(new CinIssue(_rule.Code, _rule.Severity, _rule.Message, childId, fields, line is > 0 ? line : null));

    internal void Enter(CinRuleDefinition rule, CinChild? child)
    {
        _rule = rule;
        _childId = child?.LaChildId;
    }
}

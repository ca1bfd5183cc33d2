using Microsoft.AspNetCore.Mvc;
using Safeguard.Auditing;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Casework;

/// <summary>
/// What "My work" and the team's due work share: the filters (child's name, what is due, where it stands, the
/// worker), the sort, the page, and the CSV and XLSX downloads of the filtered rows (each audited, since they name children).
/// </summary>
public abstract class DueWorkPageModel(DueWorkList list, SafeguardDbContext db) : SafeguardPageModel
{
    protected SafeguardDbContext Db { get; } = db;

    protected DueWorkList List { get; } = list;

    /// <summary>Part of a child's name: a list can be long, so a practitioner can find one child in it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Child { get; set; }

    /// <summary>What is due ("Assessment", "Child protection visit", ...).</summary>
    [BindProperty(SupportsGet = true)]
    public string? What { get; set; }

    /// <summary>overdue, due-today, due-soon or not-yet-due.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    /// <summary>A worker's id, or "none" for work allocated to the team but to no worker.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Worker { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    public DueWorkResult? Result { get; protected set; }

    public static IReadOnlyList<(string Value, string Text)> States { get; } =
        [("overdue", "Overdue"), ("due-today", "Due today"), ("due-soon", "Due soon"), ("not-yet-due", "Not yet due")];

    public string SortKey => Sort?.ToLowerInvariant() switch
    {
        "child" or "what" or "worker" => Sort.ToLowerInvariant(),
        _ => "due",
    };

    public bool Descending => Shared.ListLinks.Descending(Dir);

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Child) || !string.IsNullOrWhiteSpace(What) || StateFilter is not null || !string.IsNullOrWhiteSpace(Worker);

    private DueState? StateFilter => State switch
    {
        "overdue" => DueState.Overdue,
        "due-today" => DueState.DueToday,
        "due-soon" => DueState.DueSoon,
        "not-yet-due" => DueState.NotYetDue,
        _ => null,
    };

    protected DueWorkFilter Filter(bool attentionOnly) => new()
    {
        Child = Child,
        What = What,
        State = StateFilter,
        WorkerId = Guid.TryParse(Worker, out var worker) ? worker : null,
        Unallocated = Worker == "none",
        AttentionOnly = attentionOnly,
        Sort = SortKey switch
        {
            "child" => DueWorkSort.Child,
            "what" => DueWorkSort.What,
            "worker" => DueWorkSort.Worker,
            _ => DueWorkSort.DueDate,
        },
        Descending = Descending,
    };

    /// <summary>Reads the list, and records the view (or the download) of it in the audit trail.</summary>
    protected async Task LoadAsync(DueWorkQuery query, bool attentionOnly, string process, string entityId, string detail, bool download, CancellationToken cancellationToken)
    {
        Result = await List.ListAsync(query, Filter(attentionOnly), Shared.ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
        using (Db.BeginProcess(process, Actor))
        {
            Db.RecordAccess("DueWork", entityId, download ? AuditAction.Exported : AuditAction.Viewed,
                $"{detail}; items={(download ? Result.Rows.Count : Result.Page.Items.Count)}; total={Result.Rows.Count}" + (IsFiltered ? "; filtered" : ""));
            await Db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The filtered rows as CSV or XLSX.</summary>
    protected async Task<IActionResult> FileAsync(string? format, string name, CancellationToken cancellationToken)
    {
        var result = Result!;
        string NameOf(Guid? id) => id is { } value ? result.Names.GetValueOrDefault(value, "") : "";
        IReadOnlyList<IReadOnlyList<object?>> rows = [.. result.Rows.Select(i => (IReadOnlyList<object?>)
        [
            i.ChildName, i.What, NameOf(i.TeamId), i.WorkerId is null ? "Not allocated to a worker" : NameOf(i.WorkerId),
            i.Assessment.Deadline.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), CaseworkForm.Status(i.Assessment).Text,
        ])];
        return await Shared.ListLinks.FileAsync(format, name, ["Child", "What is due", "Team", "Worker", "Due by", "Status"], rows, cancellationToken)
            ?? BadRequest("format must be csv or xlsx");
    }
}

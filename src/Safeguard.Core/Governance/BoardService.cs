using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Governance;

/// <summary>What the business unit types to add a board or subgroup.</summary>
public sealed record NewBoard(string? Name, BoardKind? Kind, Guid? ParentBoardId, int? Quorum);

/// <summary>A board's terms of reference, their review date, its quorum and the board it reports to.</summary>
public sealed record TermsInput(string? TermsOfReference, DateOnly? ReviewDueOn, int? Quorum, Guid? ParentBoardId);

/// <summary>A new member of a board: their agency, name, role, named deputy and start date (and their user, when they use Safeguard).</summary>
public sealed record NewMember(Guid? AgencyId, string? Name, Guid? UserId, string? Role, string? DeputyName, DateOnly? StartOn);

/// <summary>A change to a membership: role, named deputy, and the last day when the membership ends.</summary>
public sealed record MemberChange(string? Role, string? DeputyName, DateOnly? EndOn);

/// <summary>
/// A priority of the business plan (a new one when <paramref name="Id"/> is null): the improvement plan's workstream
/// it is delivered through, when there is one, and a note on the improvement plan.
/// </summary>
public sealed record PriorityInput(Guid? Id, int? YearStart, string? Title, string? Description, Guid? OwnerBoardId, Guid? WorkstreamId, string? ImprovementPlanNote);

/// <summary>An improvement plan workstream a priority can name: its title and the plan it is in.</summary>
public sealed record WorkstreamChoice(Guid Id, string Title, Guid PlanId, string PlanTitle);

/// <summary>
/// The partnership's boards and subgroups: their terms of reference and quorum, members by agency with their role,
/// named deputy and the period of their membership, and the business plan's priorities for each year. Every change is
/// made in an audited process and checked against the version the user read.
/// </summary>
public sealed class BoardService(SafeguardDbContext db)
{
    public const int MaxQuorum = 100;

    public async Task<Board> CreateAsync(NewBoard input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new Problems();
        var name = problems.Required("Name", input.Name, "Enter the board's name", Board.MaxNameLength);
        if (input.Kind is null)
        {
            problems.Add("Kind", "Select the kind of board");
        }

        CheckQuorum(problems, input.Quorum);
        if (name.Length > 0 && await db.Set<Board>().AnyAsync(b => b.Name == name, cancellationToken))
        {
            problems.Add("Name", $"There is already a board called {name}");
        }

        if (input.ParentBoardId is { } parent && !await db.Set<Board>().AnyAsync(b => b.Id == parent, cancellationToken))
        {
            problems.Add("ParentBoardId", "Select a board it reports to from the list");
        }

        problems.ThrowIfAny();
        var board = new Board { Name = name, Kind = input.Kind!.Value, ParentBoardId = input.ParentBoardId, Quorum = input.Quorum, CreatedAt = db.Time.GetUtcNow() };
        using var process = db.BeginProcess("Governance.CreateBoard", actor);
        db.Add(board);
        await SaveAsync(cancellationToken);
        return board;
    }

    /// <summary>Every board, the strategic group first, then business groups, subgroups and task and finish groups, by name.</summary>
    public async Task<IReadOnlyList<Board>> BoardsAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<Board>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Ordinal).ToList();

    public Task<Board?> GetAsync(Guid boardId, CancellationToken cancellationToken = default) =>
        db.Set<Board>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == boardId, cancellationToken);

    public async Task ChangeTermsAsync(Guid boardId, int version, TermsInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var board = await db.Set<Board>().FirstOrDefaultAsync(b => b.Id == boardId, cancellationToken)
            ?? throw new SafeguardValidationException("Board", "There is no such board");
        var problems = new Problems();
        var terms = problems.Optional("TermsOfReference", input.TermsOfReference, "The terms of reference", Board.MaxTextLength);
        CheckQuorum(problems, input.Quorum);
        if (input.ParentBoardId == boardId)
        {
            problems.Add("ParentBoardId", "A board cannot report to itself");
        }
        else if (input.ParentBoardId is { } parent && !await db.Set<Board>().AnyAsync(b => b.Id == parent, cancellationToken))
        {
            problems.Add("ParentBoardId", "Select a board it reports to from the list");
        }

        if (terms is not null && input.ReviewDueOn is null)
        {
            problems.Add("ReviewDueOn", "Enter the date the terms of reference are next to be reviewed");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("Governance.ChangeTerms", actor);
        db.Entry(board).Property(b => b.Version).OriginalValue = version;
        board.TermsOfReference = terms;
        board.TermsReviewDueOn = input.ReviewDueOn;
        board.Quorum = input.Quorum;
        board.ParentBoardId = input.ParentBoardId;
        db.Entry(board).State = EntityState.Modified;
        await SaveAsync(cancellationToken);
    }

    /// <summary>A board's members, current members first (chair first), then past members by their last day.</summary>
    public async Task<IReadOnlyList<BoardMember>> MembersAsync(Guid boardId, CancellationToken cancellationToken = default)
    {
        var members = await db.Set<BoardMember>().AsNoTracking().Include(m => m.Agency).Where(m => m.BoardId == boardId).ToListAsync(cancellationToken);
        return members.OrderBy(m => m.EndOn is null ? 0 : 1).ThenByDescending(m => m.EndOn).ThenBy(m => RoleOrder(m.Role)).ThenBy(m => m.Agency!.Name, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<BoardMember> AddMemberAsync(Guid boardId, NewMember input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Set<Board>().AnyAsync(b => b.Id == boardId, cancellationToken))
        {
            throw new SafeguardValidationException("Board", "There is no such board");
        }

        var problems = new Problems();
        var name = problems.Required("Name", input.Name, "Enter the member's name", BoardMember.MaxNameLength);
        var role = problems.Required("Role", input.Role, "Enter the member's role on the board", 100);
        var deputy = problems.Optional("DeputyName", input.DeputyName, "The deputy's name", BoardMember.MaxNameLength);
        if (input.AgencyId is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            problems.Add("AgencyId", "Select the member's agency");
        }

        if (input.StartOn is null)
        {
            problems.Add("StartOn", "Enter the date the membership starts");
        }

        if (input.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId && u.AgencyId == input.AgencyId, cancellationToken))
        {
            problems.Add("UserId", "Select a user of the member's agency, or none");
        }

        problems.ThrowIfAny();
        var member = new BoardMember { BoardId = boardId, AgencyId = input.AgencyId!.Value, Name = name, UserId = input.UserId, Role = role, DeputyName = deputy, StartOn = input.StartOn!.Value };
        using var process = db.BeginProcess("Governance.AddMember", actor);
        db.Add(member);
        await SaveAsync(cancellationToken);
        return member;
    }

    public async Task ChangeMemberAsync(Guid memberId, int version, MemberChange input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var member = await db.Set<BoardMember>().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken)
            ?? throw new SafeguardValidationException("Member", "There is no such member");
        var problems = new Problems();
        var role = problems.Required("Role", input.Role, "Enter the member's role on the board", 100);
        var deputy = problems.Optional("DeputyName", input.DeputyName, "The deputy's name", BoardMember.MaxNameLength);
        if (input.EndOn is { } end && end < member.StartOn)
        {
            problems.Add("EndOn", $"The last day of membership must be on or after its start ({Problems.Format(member.StartOn)})");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("Governance.ChangeMember", actor);
        db.Entry(member).Property(m => m.Version).OriginalValue = version;
        member.Role = role;
        member.DeputyName = deputy;
        member.EndOn = input.EndOn;
        db.Entry(member).State = EntityState.Modified;
        await SaveAsync(cancellationToken);
    }

    /// <summary>The business plan's priorities for a year, by number.</summary>
    public Task<List<BusinessPriority>> PlanAsync(ReportingYear year, CancellationToken cancellationToken = default) =>
        db.Set<BusinessPriority>().AsNoTracking().Where(p => p.YearStart == year.StartYear).OrderBy(p => p.Number).ToListAsync(cancellationToken);

    /// <summary>The improvement plans' workstreams a priority can name, newest plan first, by title within a plan.</summary>
    public async Task<IReadOnlyList<WorkstreamChoice>> WorkstreamChoicesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (from w in db.Set<Safeguard.ImprovementPlan.Workstream>().AsNoTracking()
                          join p in db.Set<Safeguard.ImprovementPlan.Plan>().AsNoTracking() on w.PlanId equals p.Id
                          select new { w.Id, w.Title, PlanId = p.Id, PlanTitle = p.Title, p.StartsOn }).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.StartsOn).ThenBy(r => r.PlanTitle, StringComparer.Ordinal).ThenBy(r => r.Title, StringComparer.Ordinal)
            .Select(r => new WorkstreamChoice(r.Id, r.Title, r.PlanId, r.PlanTitle))];
    }

    /// <summary>The business plans' priorities (of every year) delivered through a workstream, newest year first.</summary>
    public async Task<IReadOnlyList<BusinessPriority>> PrioritiesCitingAsync(Guid workstreamId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<BusinessPriority>().AsNoTracking().Where(p => p.WorkstreamId == workstreamId).ToListAsync(cancellationToken))
            .OrderByDescending(p => p.YearStart).ThenBy(p => p.Number)];

    /// <summary>Adds a priority to a year's plan (numbered after the last) or changes one, checked against the version read.</summary>
    public async Task<BusinessPriority> SavePriorityAsync(PriorityInput input, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new Problems();
        var title = problems.Required("Title", input.Title, "Enter the priority", Board.MaxNameLength);
        var description = problems.Required("Description", input.Description, "Enter what the priority means and how it will be achieved", Board.MaxTextLength);
        var note = problems.Optional("ImprovementPlanNote", input.ImprovementPlanNote, "The note on the improvement plan", BusinessPriority.MaxNoteLength);
        var today = UkTime.Today(db.Time);
        if (input.YearStart is not { } year || year < 2000 || year > today.Year + 2)
        {
            problems.Add("YearStart", "Select the plan's year");
        }

        if (input.OwnerBoardId is { } owner && !await db.Set<Board>().AnyAsync(b => b.Id == owner, cancellationToken))
        {
            problems.Add("OwnerBoardId", "Select the subgroup that owns the priority from the list");
        }

        if (input.WorkstreamId is { } workstream && !await db.Set<Safeguard.ImprovementPlan.Workstream>().AnyAsync(w => w.Id == workstream, cancellationToken))
        {
            problems.Add("WorkstreamId", "Select the improvement plan workstream from the list, or none");
        }

        BusinessPriority? priority = null;
        if (input.Id is { } id)
        {
            priority = await db.Set<BusinessPriority>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                ?? throw new SafeguardValidationException("Priority", "There is no such priority");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("Governance.SavePriority", actor);
        if (priority is null)
        {
            var last = await db.Set<BusinessPriority>().Where(p => p.YearStart == input.YearStart).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0;
            priority = new BusinessPriority { YearStart = input.YearStart!.Value, Number = last + 1, Title = title, Description = description };
            db.Add(priority);
        }
        else
        {
            db.Entry(priority).Property(p => p.Version).OriginalValue = version;
            priority.Title = title;
            priority.Description = description;
            db.Entry(priority).State = EntityState.Modified;
        }

        priority.OwnerBoardId = input.OwnerBoardId;
        priority.WorkstreamId = input.WorkstreamId;
        priority.ImprovementPlanNote = note;
        await SaveAsync(cancellationToken);
        return priority;
    }

    public static string KindName(BoardKind kind) => kind switch
    {
        BoardKind.Executive => "Strategic partnership (executive)",
        BoardKind.BusinessGroup => "Business group",
        BoardKind.Subgroup => "Subgroup",
        _ => "Task and finish group",
    };

    private static int RoleOrder(string role) => role.StartsWith("Chair", StringComparison.OrdinalIgnoreCase) || role.StartsWith("Independent chair", StringComparison.OrdinalIgnoreCase) ? 0
        : role.Contains("chair", StringComparison.OrdinalIgnoreCase) ? 1 : 2;

    private static void CheckQuorum(Problems problems, int? quorum)
    {
        if (quorum is { } q && (q < 1 || q > MaxQuorum))
        {
            problems.Add("Quorum", $"The quorum must be a number of members from 1 to {MaxQuorum}, or blank when the terms set none");
        }
    }

    /// <summary>Saves; a refused save (someone changed the record since it was read) leaves nothing pending in the context.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}

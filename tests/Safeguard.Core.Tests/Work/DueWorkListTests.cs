using Safeguard.Core.Tests.Journey;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Core.Tests.Work;

public class DueWorkListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    /// <summary>
    /// Today is Monday 23 November 2026. The team holds three children's assessments: Ben's is overdue (referred 3
    /// August, allocated to no worker), Amira's is due today (referred 21 September) and Cara's is not yet due
    /// (referred 2 November), both Sam Worker's. Dan's overdue assessment is allocated to nobody: never the team's.
    /// </summary>
    private static async Task<JourneyFixture> TeamAsync(DatabaseProvider provider)
    {
        var f = await JourneyFixture.CreateAsync(provider);
        async Task AssessAsync(Guid child, DateOnly referral, bool allocate, Guid? worker)
        {
            var episode = await f.OpenAsync(child, referral);
            await f.Casework.StartAssessmentAsync(episode, 0, referral.AddDays(1), null, f.Worker, Ct);
            if (allocate)
            {
                await f.Casework.AllocateAsync(episode, 1, f.Team.Id, worker, f.Worker, Ct);
            }
        }

        await AssessAsync(f.ChildId, D(9, 21), allocate: true, f.Worker.UserId);
        await AssessAsync(await f.AddChildAsync("Ben", "Other"), D(8, 3), allocate: true, null);
        await AssessAsync(await f.AddChildAsync("Cara", "Jones"), D(11, 2), allocate: true, f.Worker.UserId);
        await AssessAsync(await f.AddChildAsync("Dan", "Smith"), D(8, 3), allocate: false, null);
        return f;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_teams_due_work_is_paged_earliest_due_first_with_its_counts_and_names(DatabaseProvider provider)
    {
        await using var f = await TeamAsync(provider);
        var list = f.Services.Get<DueWorkList>();
        var team = new DueWorkQuery(TeamId: f.Team.Id);

        var first = await list.ListAsync(team, new DueWorkFilter(), page: 1, pageSize: 2, Ct);
        Assert.Equal((3, 2, 1), (first.Page.Total, first.Page.Pages, first.Page.Page));
        Assert.Equal(["Ben Other", "Amira Khan"], first.Page.Items.Select(i => i.ChildName));
        Assert.Equal(new DueWorkCounts(1, 1, 1), first.Counts);
        Assert.Equal([(f.Worker.UserId!.Value, "Sam Worker")], first.Workers);
        Assert.Equal(["Assessment"], first.Kinds);
        Assert.Equal("Assessment team", first.Names[f.Team.Id]);

        var second = await list.ListAsync(team, new DueWorkFilter(), page: 2, pageSize: 2, Ct);
        Assert.Equal("Cara Jones", Assert.Single(second.Page.Items).ChildName);
        // A page past the last is the last.
        Assert.Equal(2, (await list.ListAsync(team, new DueWorkFilter(), page: 9, pageSize: 2, Ct)).Page.Page);
        Assert.Equal(3, (await list.AllAsync(team, Ct)).Count);
        Assert.Equal(4, (await list.AllAsync(new DueWorkQuery(), Ct)).Count);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Due_work_filters_by_attention_child_worker_state_and_what_and_sorts_by_any_column(DatabaseProvider provider)
    {
        await using var f = await TeamAsync(provider);
        var list = f.Services.Get<DueWorkList>();
        var team = new DueWorkQuery(TeamId: f.Team.Id);
        async Task<List<string>> Names(DueWorkFilter filter) => [.. (await list.ListAsync(team, filter, 1, cancellationToken: Ct)).Rows.Select(i => i.ChildName)];

        Assert.Equal(["Ben Other", "Amira Khan"], await Names(new DueWorkFilter { AttentionOnly = true }));
        Assert.Equal(["Cara Jones"], await Names(new DueWorkFilter { Child = " cAr " }));
        Assert.Equal(["Amira Khan", "Cara Jones"], await Names(new DueWorkFilter { WorkerId = f.Worker.UserId }));
        Assert.Equal(["Ben Other"], await Names(new DueWorkFilter { Unallocated = true }));
        Assert.Equal(["Ben Other"], await Names(new DueWorkFilter { State = DueState.Overdue }));
        Assert.Equal(["Amira Khan"], await Names(new DueWorkFilter { State = DueState.DueToday }));
        Assert.Equal(["Cara Jones"], await Names(new DueWorkFilter { State = DueState.NotYetDue }));
        Assert.Empty(await Names(new DueWorkFilter { What = "Review conference" }));
        Assert.Equal(["Cara Jones", "Ben Other", "Amira Khan"], await Names(new DueWorkFilter { Sort = DueWorkSort.Child, Descending = true }));
        Assert.Equal(["Cara Jones", "Amira Khan", "Ben Other"], await Names(new DueWorkFilter { Sort = DueWorkSort.DueDate, Descending = true }));
        // By worker: the unallocated (no name) first, then the worker's by due date.
        Assert.Equal(["Ben Other", "Amira Khan", "Cara Jones"], await Names(new DueWorkFilter { Sort = DueWorkSort.Worker }));
        var filtered = await list.ListAsync(team, new DueWorkFilter { AttentionOnly = true, Child = "Ben" }, 1, cancellationToken: Ct);
        // The counts are the whole list's (here what needs attention), not the filtered rows'.
        Assert.Equal((1, new DueWorkCounts(1, 1, 0)), (filtered.Rows.Count, filtered.Counts));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_workers_counts_are_their_allocated_childrens_work_only(DatabaseProvider provider)
    {
        await using var f = await TeamAsync(provider);
        var list = f.Services.Get<DueWorkList>();

        Assert.Equal(new DueWorkCounts(0, 1, 1), await list.CountAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct));
        Assert.Equal(new DueWorkCounts(0, 0, 0), await list.CountAsync(new DueWorkQuery(WorkerId: Guid.NewGuid()), Ct));
        var all = await list.AllAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct);
        Assert.Equal([DeadlineStatus.DueToday, DeadlineStatus.NotYetDue], all.Select(i => i.Assessment.Status));
        Assert.All(all, i => Assert.Equal((f.Team.Id, f.Worker.UserId), (i.TeamId!.Value, i.WorkerId)));
    }
}

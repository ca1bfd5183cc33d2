using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;

namespace Safeguard.AnnualReport;

/// <summary>What the business unit enters for a piece of feedback.</summary>
public sealed record FeedbackInput(DateOnly? ReceivedOn, string? Source, string? WhatWasSaid, string? WhatChanged);

/// <summary>What the business unit enters for a funding line.</summary>
public sealed record FundingInput(int YearStart, FundingKind Kind, Guid? AgencyId, string? Description, decimal? Amount);

/// <summary>A funding line with its agency's name.</summary>
public sealed record FundingRow(PartnershipFundingLine Line, string? AgencyName);

/// <summary>
/// The records the annual report needs that no area holds: feedback from children and families, and the partnership's
/// funding (contributions by partner agency and expenditure lines). Edits are versioned (a stale edit is refused) and audited.
/// </summary>
public sealed class AnnualReportRecords(SafeguardDbContext db)
{
    public Task<List<PartnershipFeedback>> FeedbackAsync(ReportingYear year, CancellationToken cancellationToken = default) =>
        db.Set<PartnershipFeedback>().AsNoTracking().Where(f => f.ReceivedOn >= year.Start && f.ReceivedOn <= year.End)
            .OrderBy(f => f.ReceivedOn).ThenBy(f => f.Source).ToListAsync(cancellationToken);

    public Task<PartnershipFeedback?> GetFeedbackAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<PartnershipFeedback>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);

    /// <summary>Records feedback (<paramref name="id"/> null) or changes it from <paramref name="version"/>.</summary>
    public async Task<PartnershipFeedback> SaveFeedbackAsync(Guid? id, int version, FeedbackInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new Problems();
        if (input.ReceivedOn is null)
        {
            problems.Add("ReceivedOn", "Enter the date the feedback was received");
        }

        problems.CheckDate("ReceivedOn", input.ReceivedOn, Calendar.UkTime.Today(db.Time), "The date the feedback was received");
        var source = problems.Required("Source", input.Source, "Enter where the feedback came from", 200);
        var said = problems.Required("WhatWasSaid", input.WhatWasSaid, "Enter what children or families said", PartnershipFeedback.MaxTextLength);
        var changed = input.WhatChanged?.Trim();
        if (changed?.Length > PartnershipFeedback.MaxTextLength)
        {
            problems.Add("WhatChanged", $"What changed must be {PartnershipFeedback.MaxTextLength} characters or fewer");
        }

        problems.ThrowIfAny();
        PartnershipFeedback feedback;
        using var process = db.BeginProcess(id is null ? "AnnualReport.RecordFeedback" : "AnnualReport.ChangeFeedback", actor);
        if (id is { } existing)
        {
            feedback = await db.Set<PartnershipFeedback>().FirstOrDefaultAsync(f => f.Id == existing, cancellationToken)
                ?? throw new SafeguardValidationException("Feedback", "There is no such feedback");
            db.Entry(feedback).Property(f => f.Version).OriginalValue = version;
            feedback.Source = source;
            feedback.WhatWasSaid = said;
        }
        else
        {
            feedback = new PartnershipFeedback { Source = source, WhatWasSaid = said, RecordedBy = actor.Name, RecordedAt = db.Time.GetUtcNow() };
            db.Add(feedback);
        }

        feedback.ReceivedOn = input.ReceivedOn!.Value;
        feedback.WhatChanged = string.IsNullOrEmpty(changed) ? null : changed;
        await db.SaveChangesAsync(cancellationToken);
        return feedback;
    }

    public async Task<IReadOnlyList<FundingRow>> FundingAsync(ReportingYear year, CancellationToken cancellationToken = default)
    {
        var lines = await db.Set<PartnershipFundingLine>().AsNoTracking().Where(f => f.YearStart == year.StartYear).ToListAsync(cancellationToken);
        var ids = lines.Select(l => l.AgencyId).OfType<Guid>().Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return [.. lines.Select(l => new FundingRow(l, l.AgencyId is { } a ? names.GetValueOrDefault(a) : null))
            .OrderBy(r => r.Line.Kind).ThenByDescending(r => r.Line.Amount).ThenBy(r => r.AgencyName ?? r.Line.Description, StringComparer.Ordinal)];
    }

    public Task<PartnershipFundingLine?> GetFundingAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<PartnershipFundingLine>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);

    /// <summary>Records a funding line (<paramref name="id"/> null) or changes it from <paramref name="version"/>.</summary>
    public async Task<PartnershipFundingLine> SaveFundingAsync(Guid? id, int version, FundingInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new Problems();
        if (input.YearStart is < 2000 or > 2200)
        {
            problems.Add("YearStart", "Enter the reporting year by the year it starts (2026 for 2026-27)");
        }

        Agency? agency = null;
        if (input.Kind == FundingKind.Contribution)
        {
            agency = input.AgencyId is { } a ? await db.Agencies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a, cancellationToken) : null;
            if (agency is null)
            {
                problems.Add("AgencyId", "Choose the partner agency making the contribution");
            }
        }

        var description = input.Kind == FundingKind.Contribution && string.IsNullOrWhiteSpace(input.Description)
            ? "Contribution"
            : problems.Required("Description", input.Description, "Enter what the expenditure is for", 200);
        if (input.Amount is not { } amount || amount < 0 || amount > 100_000_000m || decimal.Round(amount, 2) != amount)
        {
            problems.Add("Amount", "Enter the amount in pounds, 0 or more, to the penny (for example 125000 or 1250.50)");
        }

        problems.ThrowIfAny();
        PartnershipFundingLine line;
        using var process = db.BeginProcess(id is null ? "AnnualReport.RecordFunding" : "AnnualReport.ChangeFunding", actor);
        if (id is { } existing)
        {
            line = await db.Set<PartnershipFundingLine>().FirstOrDefaultAsync(f => f.Id == existing, cancellationToken)
                ?? throw new SafeguardValidationException("Funding", "There is no such funding line");
            db.Entry(line).Property(f => f.Version).OriginalValue = version;
            line.Description = description;
        }
        else
        {
            line = new PartnershipFundingLine { Description = description, RecordedBy = actor.Name, RecordedAt = db.Time.GetUtcNow() };
            db.Add(line);
        }

        line.YearStart = input.YearStart;
        line.Kind = input.Kind;
        line.AgencyId = input.Kind == FundingKind.Contribution ? agency!.Id : null;
        line.Amount = input.Amount!.Value;
        await db.SaveChangesAsync(cancellationToken);
        return line;
    }
}

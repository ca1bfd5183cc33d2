using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Organisations;

/// <summary>Creating and changing the partnership's agencies and their teams.</summary>
public sealed class OrganisationAdministration(SafeguardDbContext db)
{
    public async Task<Agency> CreateAgencyAsync(AgencyDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        await ValidateAsync(details, null, cancellationToken);
        var agency = new Agency { Name = details.Name.Trim(), Code = details.Code.Trim().ToUpperInvariant(), Type = details.Type, StatutoryPartner = details.StatutoryPartner, Phase = details.Phase };
        using var process = db.BeginProcess("Agencies.Create", actor);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return agency;
    }

    /// <summary>Changes an agency; <paramref name="version"/> is the version the user saw, so a concurrent change is refused.</summary>
    public async Task ChangeAgencyAsync(Guid id, int version, AgencyDetails details, bool isActive, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("Agency", "There is no such agency");
        await ValidateAsync(details, id, cancellationToken);
        using var process = db.BeginProcess("Agencies.Change", actor);
        db.Entry(agency).Property(a => a.Version).OriginalValue = version;
        agency.Name = details.Name.Trim();
        agency.Code = details.Code.Trim().ToUpperInvariant();
        agency.Type = details.Type;
        agency.StatutoryPartner = details.StatutoryPartner;
        agency.Phase = details.Phase;
        agency.IsActive = isActive;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Team> CreateTeamAsync(Guid agencyId, string name, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            throw new SafeguardValidationException("Agency", "There is no such agency");
        }

        await ValidateTeamAsync(agencyId, name, null, cancellationToken);
        var team = new Team { AgencyId = agencyId, Name = name.Trim() };
        using var process = db.BeginProcess("Teams.Create", actor);
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return team;
    }

    public async Task ChangeTeamAsync(Guid id, int version, string name, bool isActive, Actor actor, CancellationToken cancellationToken = default)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("Team", "There is no such team");
        await ValidateTeamAsync(team.AgencyId, name, id, cancellationToken);
        using var process = db.BeginProcess("Teams.Change", actor);
        db.Entry(team).Property(t => t.Version).OriginalValue = version;
        team.Name = name.Trim();
        team.IsActive = isActive;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ValidateAsync(AgencyDetails details, Guid? id, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var name = details.Name?.Trim() ?? "";
        var code = details.Code?.Trim().ToUpperInvariant() ?? "";
        if (name.Length == 0)
        {
            problems.Add(new("Name", "Enter the agency's name"));
        }
        else if (name.Length > 200)
        {
            problems.Add(new("Name", "The agency's name must be 200 characters or fewer"));
        }
        else if (await db.Agencies.AnyAsync(a => a.Name == name && a.Id != id, cancellationToken))
        {
            problems.Add(new("Name", $"There is already an agency called '{name}'"));
        }

        if (code.Length == 0)
        {
            problems.Add(new("Code", "Enter a short code for the agency, like POLICE"));
        }
        else if (code.Length > 32 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problems.Add(new("Code", "The code must be 32 letters, digits, hyphens or underscores at most"));
        }
        else if (await db.Agencies.AnyAsync(a => a.Code == code && a.Id != id, cancellationToken))
        {
            problems.Add(new("Code", $"The code '{code}' is already used by another agency"));
        }

        if (!Enum.IsDefined(details.Type))
        {
            problems.Add(new("Type", "Select the kind of agency"));
        }

        if (details.StatutoryPartner is { } partner)
        {
            if (!Enum.IsDefined(partner))
            {
                problems.Add(new("StatutoryPartner", "Select a statutory partner from the list"));
            }
            else if (await db.Agencies.AnyAsync(a => a.StatutoryPartner == partner && a.Id != id && a.IsActive, cancellationToken))
            {
                problems.Add(new("StatutoryPartner", $"Another active agency already speaks for the {partner} partner"));
            }
        }

        if (details.Phase is { } phase)
        {
            if (!Enum.IsDefined(phase))
            {
                problems.Add(new("Phase", "Select the school's phase from the list"));
            }
            else if (details.Type != AgencyType.School)
            {
                problems.Add(new("Phase", "Only a school has a phase: choose \"Not a school\" or make the agency a school"));
            }
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }
    }

    private async Task ValidateTeamAsync(Guid agencyId, string name, Guid? id, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new SafeguardValidationException("Name", "Enter the team's name");
        }

        if (trimmed.Length > 200)
        {
            throw new SafeguardValidationException("Name", "The team's name must be 200 characters or fewer");
        }

        if (await db.Teams.AnyAsync(t => t.AgencyId == agencyId && t.Name == trimmed && t.Id != id, cancellationToken))
        {
            throw new SafeguardValidationException("Name", $"This agency already has a team called '{trimmed}'");
        }
    }
}

/// <summary>An agency's details as an administrator gives them; <paramref name="Phase"/> only for a school (section 175 return rates by phase).</summary>
public sealed record AgencyDetails(string Name, string Code, AgencyType Type, StatutoryPartner? StatutoryPartner, SchoolPhase? Phase = null);

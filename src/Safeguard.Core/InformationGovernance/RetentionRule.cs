using Safeguard.Common;

namespace Safeguard.InformationGovernance;

/// <summary>What happens to a record when its retention period ends.</summary>
public enum RetentionAction
{
    /// <summary>The record is deleted by <c>retention apply --confirm</c> (unless something holds it).</summary>
    Delete,

    /// <summary>The record is listed for a person to review; nothing deletes it automatically.</summary>
    Review,
}

/// <summary>
/// The partnership's own retention period for one record type, changed from the product's default
/// (<see cref="RetentionRecordTypes"/>) with <c>safeguard retention set-rule</c>; audited like any record.
/// </summary>
public sealed class RetentionRule : Entity
{
    public const int MaxRecordTypeLength = 64;

    /// <summary>The record type's key (see <see cref="RetentionRecordTypes"/>).</summary>
    public required string RecordType { get; set; }

    /// <summary>The period, in whole years from the record type's starting date.</summary>
    public int Years { get; set; }

    public RetentionAction Action { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public required string ChangedByName { get; set; }
}

/// <summary>A record type the retention schedule covers: what it is, the date its period runs from, and its default rule.</summary>
public sealed record RetentionRecordType(string Key, string Description, string RunsFrom, int DefaultYears, RetentionAction DefaultAction, bool CanDelete, string Basis);

/// <summary>The record types the retention schedule covers, with the product's defaults (docs/retention.md gives the reasoning).</summary>
public static class RetentionRecordTypes
{
    public const string NfaContact = "NfaContact";
    public const string ChildRecord = "ChildRecord";
    public const string LookedAfterChildRecord = "LookedAfterChildRecord";
    public const string LadoAllegation = "LadoAllegation";
    public const string LadoMaliciousAllegation = "LadoMaliciousAllegation";
    public const string Escalation = "Escalation";

    /// <summary>Census uploads: kept for <c>Cin:UploadRetention</c> and purged by the census upload store (docs/adr/0011).</summary>
    public const string CensusUpload = "CensusUpload";

    public static IReadOnlyList<RetentionRecordType> All { get; } =
    [
        new(NfaContact,
            "A front door contact decided as no further action or information and advice, from which no referral was opened",
            "the decision", 6, RetentionAction.Delete, CanDelete: true,
            "A contact that led to nothing is kept long enough to see a pattern of repeated concerns, then deleted (common local authority schedules keep these 6 years)"),
        new(ChildRecord,
            "A child's record: the person, their contacts, journey, visits and missing episodes",
            "the child's date of birth", 25, RetentionAction.Review, CanDelete: false,
            "Children's social care records are kept until the child's 25th birthday (common English local authority schedules)"),
        new(LookedAfterChildRecord,
            "The record of a child who was looked after (shown on a missing episode or a case review)",
            "the child's date of birth", 75, RetentionAction.Review, CanDelete: false,
            "The Care Planning, Placement and Case Review (England) Regulations 2010 keep a looked-after child's case record until their 75th birthday"),
        new(LadoAllegation,
            "An allegation about a person who works with children (LADO), unless found malicious",
            "the referral", 10, RetentionAction.Review, CanDelete: false,
            "Keeping children safe in education (part four) and Working Together keep the record until the person's normal pension age or 10 years from the allegation, whichever is longer; Safeguard does not hold the worker's date of birth, so at 10 years the LADO reviews it against their pension age (ADR 0060)"),
        new(LadoMaliciousAllegation,
            "An allegation about a person who works with children found malicious, once closed",
            "the closure", 1, RetentionAction.Delete, CanDelete: true,
            "Keeping children safe in education (part four): details of allegations found to be malicious are removed; deleted a year after the closure, time for a complaint about the finding (ADR 0060)"),
        new(Escalation,
            "A professional disagreement between agencies (escalation), once closed, with its stages and notes",
            "the closure", 6, RetentionAction.Delete, CanDelete: true,
            "The partnership's record of how two agencies resolved a disagreement about their practice, not the child's case record (each agency keeps its own decisions on its case file): kept 6 years from the closure, as long as a contact that led nowhere, long enough for the partnership's learning, audits and any complaint or claim (Limitation Act 1980: 6 years), then deleted; held while the child it is linked to is (ADR 0083)"),
    ];

    public static RetentionRecordType? Find(string key) => All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Safeguard.Interchange.Cin;

namespace Safeguard.Journey;

/// <summary>
/// What a child's census content was when the census import last applied it to the child's records: a SHA-256 of
/// the child as read from the file (<see cref="Of"/>). A re-import that finds the same digest for the same record
/// skips the child without loading its records, because applying the same content again would change nothing.
/// Any other change to the child's records (casework, merges, the person's details, another import that changes
/// them) deletes the row in the same transaction, so the next import applies the file in full (docs/adr/0034).
/// Derived data, not part of the child's record: it is never audited and never exported.
/// </summary>
public sealed class CensusDigest
{
    /// <summary>Bytes in a digest.</summary>
    public const int Length = 32;

    /// <summary>
    /// Part of every digest: changing how the import maps the census onto the records must change this number,
    /// so that digests written by the old mapping never match again.
    /// </summary>
    private const int MappingVersion = 1;

    public Guid PersonId { get; set; }

    public byte[] Digest { get; set; } = [];

    /// <summary>The digest of everything the file says about <paramref name="child"/> (line numbers aside).</summary>
    public static byte[] Of(CinChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new Writer(hash);
        writer.Int(MappingVersion);
        writer.Text(child.LaChildId);
        writer.Text(child.Upn);
        writer.Text(child.FormerUpn);
        writer.Text(child.UpnUnknown);
        writer.Date(child.BirthDate);
        writer.Date(child.ExpectedBirthDate);
        writer.Text(child.Sex);
        writer.Date(child.DeathDate);
        writer.Text(child.Ethnicity);
        writer.Int(child.Disabilities.Count);
        foreach (var disability in child.Disabilities)
        {
            writer.Text(disability);
        }

        writer.Int(child.Episodes.Count);
        foreach (var episode in child.Episodes)
        {
            writer.Date(episode.ReferralDate);
            writer.Text(episode.ReferralSource);
            writer.Text(episode.PrimaryNeedCode);
            writer.Date(episode.ClosureDate);
            writer.Text(episode.ReasonForClosure);
            writer.Date(episode.DateOfInitialCpc);
            writer.Flag(episode.ReferralNfa);
            writer.Int(episode.Assessments.Count);
            foreach (var assessment in episode.Assessments)
            {
                writer.Date(assessment.StartDate);
                writer.Date(assessment.InternalReviewDate);
                writer.Date(assessment.AuthorisationDate);
                writer.Int(assessment.Factors.Count);
                foreach (var factor in assessment.Factors)
                {
                    writer.Text(factor);
                }
            }

            writer.Int(episode.CinPlans.Count);
            foreach (var plan in episode.CinPlans)
            {
                writer.Date(plan.StartDate);
                writer.Date(plan.EndDate);
            }

            writer.Int(episode.Section47Enquiries.Count);
            foreach (var enquiry in episode.Section47Enquiries)
            {
                writer.Date(enquiry.StartDate);
                writer.Date(enquiry.InitialCpcTarget);
                writer.Date(enquiry.DateOfInitialCpc);
                writer.Flag(enquiry.IcpcNotRequired);
            }

            writer.Int(episode.ProtectionPlans.Count);
            foreach (var plan in episode.ProtectionPlans)
            {
                writer.Date(plan.StartDate);
                writer.Date(plan.EndDate);
                writer.Text(plan.InitialCategoryOfAbuse);
                writer.Text(plan.LatestCategoryOfAbuse);
                writer.Int(plan.NumberOfPreviousCpp ?? -1);
                writer.Int(plan.Reviews.Count);
                foreach (var review in plan.Reviews)
                {
                    writer.Date(review.Date);
                }
            }
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Writes values unambiguously: each text with its length, each absent value as its own marker.</summary>
    private readonly struct Writer(IncrementalHash hash)
    {
        public void Int(int value)
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            hash.AppendData(bytes);
        }

        public void Date(DateOnly? value) => Int(value?.DayNumber ?? -1);

        public void Flag(bool? value) => Int(value switch { null => -1, false => 0, true => 1 });

        public void Text(string? value)
        {
            if (value is null)
            {
                Int(-1);
                return;
            }

            Int(value.Length);
            Span<byte> buffer = stackalloc byte[256];
            var bytes = Encoding.UTF8.GetByteCount(value) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(value, buffer)] : Encoding.UTF8.GetBytes(value);
            hash.AppendData(bytes);
        }
    }
}

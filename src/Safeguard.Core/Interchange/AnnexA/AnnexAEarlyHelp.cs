namespace Safeguard.Interchange.AnnexA;

/// <summary>An early help assessment as list 2 needs it: the child, when it started and was completed, and who completed it.</summary>
public sealed record AnnexAEarlyHelpAssessment(Guid PersonId, DateOnly StartedOn, DateOnly? CompletedOn, string Organisation);

/// <summary>
/// Where list 2 (early help assessments) comes from: the early help assessments started, completed or open in the window.
/// The early help area gives it (<c>EarlyHelp/EarlyHelpAnnexASource.cs</c>).
/// </summary>
public interface IAnnexAEarlyHelpSource
{
    IAsyncEnumerable<AnnexAEarlyHelpAssessment> AssessmentsAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken);
}

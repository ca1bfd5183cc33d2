using Safeguard.Common;

namespace Safeguard.CaseReviews;

/// <summary>Collects every problem with a request, each naming its field, so all of them are shown at once.</summary>
internal sealed class Problems
{
    private readonly List<ValidationProblem> _problems = [];

    public bool Any => _problems.Count > 0;

    public void Add(string field, string message) => _problems.Add(new ValidationProblem(field, message));

    /// <summary>Refuses a date in the future or before <paramref name="notBefore"/>.</summary>
    public void CheckDate(string field, DateOnly? date, DateOnly today, string what, DateOnly? notBefore = null, string? notBeforeWhat = null)
    {
        if (date is not { } d)
        {
            return;
        }

        if (d > today)
        {
            Add(field, $"{what} must be today or in the past, not {Format(d)}");
        }
        else if (notBefore is { } earliest && d < earliest)
        {
            Add(field, $"{what} must be on or after {notBeforeWhat} ({Format(earliest)})");
        }
    }

    public string Required(string field, string? value, string message, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            Add(field, message);
        }
        else if (trimmed.Length > maxLength)
        {
            Add(field, $"{message.Replace("Enter ", "", StringComparison.Ordinal)}: {maxLength} characters or fewer");
        }

        return trimmed;
    }

    public string? Optional(string field, string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            Add(field, $"{what} must be {maxLength} characters or fewer");
        }

        return trimmed;
    }

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new SafeguardValidationException(_problems.ToList());
        }
    }

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}

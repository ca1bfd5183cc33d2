using System.Globalization;
using System.Net;
using System.Text;

namespace Safeguard.Reminders;

/// <summary>One thing in a digest: what is due, when, where it stands, and the link to it. It never names a child.</summary>
public sealed record DigestLine(string What, DateOnly DueOn, bool Overdue, string Link);

/// <summary>One part of a digest (your work, your team's, the front door, returns your agency owes...), with its counts and link.</summary>
/// <param name="Title">What the part is, e.g. "Your work".</param>
/// <param name="Link">The list where the work is done.</param>
/// <param name="Overdue">How many are overdue.</param>
/// <param name="DueSoon">How many are due today or soon.</param>
/// <param name="Lines">The overdue and due-soon items themselves, when the part lists them (at most <see cref="Digest.MaxLinesPerSection"/>).</param>
/// <param name="Waiting">For a part that counts things waiting rather than due (requests, contacts), how many.</param>
public sealed record DigestSection(string Title, string Link, int Overdue, int DueSoon, IReadOnlyList<DigestLine> Lines, int Waiting = 0)
{
    public bool IsEmpty => Overdue == 0 && DueSoon == 0 && Waiting == 0;
}

/// <summary>A user's digest for one working day, and how it reads as an email.</summary>
public sealed record Digest(string DisplayName, DateOnly ForDate, IReadOnlyList<DigestSection> Sections, string PreferencesLink)
{
    /// <summary>The most items a part lists one by one; the rest are behind its link.</summary>
    public const int MaxLinesPerSection = 20;

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public int Overdue => Sections.Sum(s => s.Overdue);

    public int DueSoon => Sections.Sum(s => s.DueSoon);

    public int Items => Sections.Sum(s => s.Overdue + s.DueSoon + s.Waiting);

    public bool IsEmpty => Sections.All(s => s.IsEmpty);

    public string Subject => $"Safeguard: {Overdue} overdue, {DueSoon} due soon ({Date(ForDate)})";

    public string Text
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{DisplayName},\n\nYour work in Safeguard on {Date(ForDate)}: {Overdue} overdue, {DueSoon} due today or soon.\n");
            foreach (var section in Sections.Where(s => !s.IsEmpty))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{section.Title}: {Counts(section)}\n{section.Link}\n");
                foreach (var line in section.Lines)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- {line.What}, {(line.Overdue ? "overdue since" : "due")} {Date(line.DueOn)}: {line.Link}\n");
                }

                if (section.Overdue + section.DueSoon > section.Lines.Count && section.Lines.Count > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- and {section.Overdue + section.DueSoon - section.Lines.Count} more at {section.Link}\n");
                }
            }

            text.Append(CultureInfo.InvariantCulture, $"\nThis email names no child: sign in to see who the work is about.\nTo stop these emails or change them: {PreferencesLink}\n");
            return text.ToString();
        }
    }

    public string Html
    {
        get
        {
            static string E(string value) => WebUtility.HtmlEncode(value);
            var html = new StringBuilder();
            html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{E(Subject)}</title></head><body style=\"font-family: Arial, sans-serif; font-size: 16px; color: #0b0c0c;\">");
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(DisplayName)},</p><p>Your work in Safeguard on {E(Date(ForDate))}: <strong>{Overdue} overdue</strong>, {DueSoon} due today or soon.</p>");
            foreach (var section in Sections.Where(s => !s.IsEmpty))
            {
                html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size: 19px;\"><a href=\"{E(section.Link)}\">{E(section.Title)}</a></h2><p>{E(Counts(section))}</p>");
                if (section.Lines.Count > 0)
                {
                    html.Append("<ul>");
                    foreach (var line in section.Lines)
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(line.Link)}\">{E(line.What)}</a>, {(line.Overdue ? "overdue since" : "due")} {E(Date(line.DueOn))}</li>");
                    }

                    html.Append("</ul>");
                }
            }

            html.Append(CultureInfo.InvariantCulture, $"<p>This email names no child: sign in to see who the work is about.</p><p><a href=\"{E(PreferencesLink)}\">Stop these emails or change them</a></p></body></html>");
            return html.ToString();
        }
    }

    private static string Counts(DigestSection section) =>
        section.Waiting > 0 && section.Overdue == 0 && section.DueSoon == 0
            ? $"{section.Waiting} waiting"
            : $"{section.Overdue} overdue, {section.DueSoon} due today or soon" + (section.Waiting > 0 ? $", {section.Waiting} waiting" : "");

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", UkCulture);
}

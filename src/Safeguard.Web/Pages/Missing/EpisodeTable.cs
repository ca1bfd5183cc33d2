using Safeguard.ComplexSafeguarding;

namespace Safeguard.Web.Pages.Missing;

/// <summary>A table of episodes: its caption, what to say when there are none, and whether to name the child on each row.</summary>
public sealed record EpisodeTable(string Caption, string Empty, IReadOnlyList<EpisodeView> Episodes, bool ShowChild, string TestId);

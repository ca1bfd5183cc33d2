using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>A table of episodes: its caption, what to say when there are none, whether to name the child on each row, and its page links when it is one page of a longer list.</summary>
public sealed record EpisodeTable(string Caption, string Empty, IReadOnlyList<EpisodeView> Episodes, bool ShowChild, string TestId, ListPager? Pager = null);

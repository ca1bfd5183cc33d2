namespace Safeguard.Interchange.Cin.Rules;

/// <summary>Rules over the whole return: the header, counts across children, ids repeated across children.</summary>
internal static class ReturnRules
{
    /// <summary>100: the header's reference date is the collection's reference date (31 March).</summary>
    public sealed class ReferenceDateRule(string code) : ICinReturnRule
    {
        public string Code => code;

        public void Observe(CinChild child, CinRuleContext context)
        {
        }

        public void Complete(CinRuleContext context)
        {
            if (context.Header?.ReferenceDate != context.ReferenceDate)
            {
                context.ReportReturn(context.Header?.ReferenceDateLine, "ReferenceDate");
            }
        }
    }

    /// <summary>1520: no two children share a UPN.</summary>
    public sealed class DuplicateUpnRule(string code) : ICinReturnRule
    {
        private readonly IdentifierSet _seen = new(ignoreCase: true);

        public string Code => code;

        public void Observe(CinChild child, CinRuleContext context)
        {
            if (child.Upn is { } upn && !_seen.Add(upn))
            {
                context.ReportChild(child.LaChildId, child.LineOf(CinField.Upn), "UPN");
            }
        }

        public void Complete(CinRuleContext context)
        {
        }
    }

    /// <summary>8510: no two children share the council's child id.</summary>
    public sealed class DuplicateChildIdRule(string code) : ICinReturnRule
    {
        private readonly IdentifierSet _seen = new(ignoreCase: false);

        public string Code => code;

        public void Observe(CinChild child, CinRuleContext context)
        {
            if (child.LaChildId is { } id && !_seen.Add(id))
            {
                context.ReportChild(id, child.LineOf(CinField.LaChildId), "LAchildID");
            }
        }

        public void Complete(CinRuleContext context)
        {
        }
    }

    /// <summary>
    /// 2883: the child protection plans starting in the census year are no more than the initial conferences held in
    /// it (counted at both levels).
    /// </summary>
    public sealed class MorePlansThanConferencesRule(string code) : ICinReturnRule
    {
        private long _plans;
        private long _conferences;

        public string Code => code;

        public void Observe(CinChild child, CinRuleContext context)
        {
            foreach (var episode in child.Episodes)
            {
                foreach (var plan in episode.ProtectionPlans)
                {
                    _plans += plan.StartDate is { } d && context.InCensusYear(d) ? 1 : 0;
                }

                _conferences += episode.DateOfInitialCpc is { } cpc && context.InCensusYear(cpc) ? 1 : 0;
                foreach (var enquiry in episode.Section47Enquiries)
                {
                    _conferences += enquiry.DateOfInitialCpc is { } d && context.InCensusYear(d) ? 1 : 0;
                }
            }
        }

        public void Complete(CinRuleContext context)
        {
            if (_plans > _conferences)
            {
                context.ReportReturn(null, "CPPstartDate", "DateOfInitialCPC");
            }
        }
    }

    /// <summary>2886Q: no more than 2% of children (unborn children aside) have sex missing or U.</summary>
    public sealed class SexNotRecordedRule(string code) : ICinReturnRule
    {
        private long _children;
        private long _notRecorded;

        public string Code => code;

        public void Observe(CinChild child, CinRuleContext context)
        {
            _children++;
            if (child.ExpectedBirthDate is null && child.Sex is null or "U")
            {
                _notRecorded++;
            }
        }

        public void Complete(CinRuleContext context)
        {
            if (_children > 0 && _notRecorded * 50 > _children)
            {
                context.ReportReturn(null, "Sex");
            }
        }
    }

    /// <summary>2887Q: the return uses more than 7 different disability codes (NONE aside).</summary>
    public sealed class FewDisabilityCodesRule(string code) : ICinReturnRule
    {
        private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

        public string Code => code;

        public void Observe(CinChild child, CinRuleContext context)
        {
            foreach (var disability in child.Disabilities)
            {
                if (disability != "NONE" && context.ReferenceData.IsInList("disability", disability))
                {
                    _codes.Add(disability);
                }
            }
        }

        public void Complete(CinRuleContext context)
        {
            if (_codes.Count <= 7)
            {
                context.ReportReturn(null, "Disability");
            }
        }
    }

    /// <summary>2888Q: among children with a disability (NONE aside), at least one has more than one recorded.</summary>
    public sealed class OneDisabilityPerChildRule(string code) : ICinReturnRule
    {
        private bool _anyWithDisability;
        private bool _anyWithSeveral;

        public string Code => code;

        public void Observe(CinChild child, CinRuleContext context)
        {
            var count = 0;
            foreach (var disability in child.Disabilities)
            {
                count += disability == "NONE" ? 0 : 1;
            }

            _anyWithDisability |= count > 0;
            _anyWithSeveral |= count > 1;
        }

        public void Complete(CinRuleContext context)
        {
            if (_anyWithDisability && !_anyWithSeveral)
            {
                context.ReportReturn(null, "Disability");
            }
        }
    }
}

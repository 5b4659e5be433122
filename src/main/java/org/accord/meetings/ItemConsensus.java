package org.accord.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.coordination.ConsensusMatrix;
import org.accord.coordination.Matter;
import org.accord.coordination.Position;
import org.accord.coordination.Stance;
import org.jspecify.annotations.Nullable;

/**
 * What the pre-meeting consultation says about one agenda item, from the last round that asked its point: who
 * agrees (common ground), who disagrees and why (divergence), who has not answered.
 *
 * @param verdict null when the item was not asked about
 * @param importantDivergence an important department (重要部门) disagrees
 */
record ItemConsensus(
        AgendaItem item,
        ConsensusMatrix.@Nullable Verdict verdict,
        int round,
        boolean roundOpen,
        List<String> agreeing,
        List<Dissent> dissents,
        List<String> unanswered,
        boolean importantDivergence) {

    /** A unit that disagrees, with its reason and counter-proposal. */
    record Dissent(
            String unit,
            boolean important,
            String reason,
            @Nullable String counterProposal) {}

    /** The dissenting units' names, important ones marked. */
    public String dissentNames(String importantMark) {
        return String.join(
                "、",
                dissents.stream()
                        .map(dissent ->
                                dissent.important() ? dissent.unit() + "（" + importantMark + "）" : dissent.unit())
                        .toList());
    }

    public boolean asked() {
        return verdict != null;
    }

    public boolean divergent() {
        return verdict == ConsensusMatrix.Verdict.DIVERGENT;
    }

    public boolean common() {
        return verdict == ConsensusMatrix.Verdict.COMMON;
    }

    static List<ItemConsensus> of(Meeting meeting, Matter matter) {
        List<ConsensusMatrix.RoundTable> tables = matter.matrix().tables();
        Map<Long, String> names = matter.partyNames();
        List<ItemConsensus> result = new ArrayList<>();
        for (AgendaItem item : meeting.items()) {
            Long pointId = item.pointId();
            Optional<ConsensusMatrix.RoundTable> last = pointId == null
                    ? Optional.empty()
                    : tables.stream()
                            .filter(table -> table.round().pointIds().contains(pointId))
                            .reduce((first, second) -> second);
            if (last.isEmpty() || pointId == null) {
                result.add(new ItemConsensus(item, null, 0, false, List.of(), List.of(), List.of(), false));
                continue;
            }
            ConsensusMatrix.RoundTable table = last.get();
            ConsensusMatrix.Row row = table.row(pointId).orElseThrow();
            List<String> agreeing = new ArrayList<>();
            List<Dissent> dissents = new ArrayList<>();
            List<String> unanswered = new ArrayList<>();
            boolean important = false;
            for (Map.Entry<Long, @Nullable Position> cell : row.cells().entrySet()) {
                String name = names.getOrDefault(cell.getKey(), "?");
                Position position = cell.getValue();
                boolean isImportant = meeting.unit(cell.getKey())
                        .map(AttendingUnit::important)
                        .orElse(false);
                if (position == null) {
                    unanswered.add(name);
                } else if (position.stance() == Stance.DISAGREE) {
                    dissents.add(new Dissent(
                            name,
                            isImportant,
                            position.reason() == null ? "" : position.reason(),
                            position.counterProposal() == null
                                            || position.counterProposal().isBlank()
                                    ? null
                                    : position.counterProposal()));
                    important |= isImportant;
                } else if (position.stance().agrees()) {
                    agreeing.add(position.condition() == null ? name : name + "（" + position.condition() + "）");
                }
            }
            result.add(new ItemConsensus(
                    item,
                    row.verdict(),
                    table.round().number(),
                    table.round().open(),
                    agreeing,
                    dissents,
                    unanswered,
                    important));
        }
        return result;
    }
}

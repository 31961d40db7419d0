/**
 * Evidence as data: a decision's evidence becomes a JSON list of items
 * `{ url, title, passage }` in `conflicts.evidence_items`. Free-text evidence from
 * older desks is split one item per line, a web address at the start or end of a line
 * taken apart from its description ("https://stat.example/trade/ — State Statistics,
 * table 4" becomes that link titled "State Statistics, table 4"); a line without an
 * address keeps its words as the title. The old column stays, holding the same evidence
 * as plain text for readers of older exports.
 */
export const sql = /* sql */ `
ALTER TABLE conflicts ADD COLUMN evidence_items TEXT;
UPDATE conflicts SET evidence_items = (
  WITH RECURSIVE split(line, rest) AS (
    SELECT NULL, replace(conflicts.evidence, char(13), '') || char(10)
    UNION ALL
    SELECT trim(substr(rest, 1, instr(rest, char(10)) - 1)), substr(rest, instr(rest, char(10)) + 1)
    FROM split WHERE rest <> ''
  ),
  parts(line, url) AS (
    SELECT line,
      CASE
        WHEN lower(line) LIKE 'http://%' OR lower(line) LIKE 'https://%' THEN
          CASE WHEN instr(line, ' ') > 0 THEN substr(line, 1, instr(line, ' ') - 1) ELSE line END
        WHEN instr(lower(line), ' https://') > 0 THEN substr(line, instr(lower(line), ' https://') + 1)
        WHEN instr(lower(line), ' http://') > 0 THEN substr(line, instr(lower(line), ' http://') + 1)
      END
    FROM split WHERE line IS NOT NULL AND line <> ''
  )
  SELECT json_group_array(json_object(
    'url', CASE WHEN url IS NOT NULL AND instr(url, ' ') = 0 THEN url END,
    'title', CASE WHEN url IS NOT NULL AND instr(url, ' ') = 0
      THEN trim(trim(replace(line, url, '')), ' —–-:|,;') ELSE line END,
    'passage', NULL))
  FROM parts
) WHERE evidence IS NOT NULL AND trim(evidence) <> '';
`;

-- system.response_ms
SELECT quantile_cont(t.response_ms, 0.50) FILTER (WHERE t.response_ms >= 0) AS p50, quantile_cont(t.response_ms, 0.95) FILTER (WHERE t.response_ms >= 0) AS p95, quantile_cont(t.response_ms, 0.99) FILTER (WHERE t.response_ms >= 0) AS p99 FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t;

-- system.response_ms.by_day
SELECT CAST(t.started_at AS DATE) AS day, CAST(count(*) AS DOUBLE) AS requests, quantile_cont(t.response_ms, 0.50) FILTER (WHERE t.response_ms >= 0) AS p50, quantile_cont(t.response_ms, 0.95) FILTER (WHERE t.response_ms >= 0) AS p95, quantile_cont(t.response_ms, 0.99) FILTER (WHERE t.response_ms >= 0) AS p99 FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY 1 ORDER BY 1 NULLS LAST;

-- system.response_ms.by_page
SELECT t.page AS page, CAST(count(*) AS DOUBLE) AS requests, quantile_cont(t.response_ms, 0.50) FILTER (WHERE t.response_ms >= 0) AS p50, quantile_cont(t.response_ms, 0.95) FILTER (WHERE t.response_ms >= 0) AS p95, quantile_cont(t.response_ms, 0.99) FILTER (WHERE t.response_ms >= 0) AS p99 FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY 1 ORDER BY 1 NULLS LAST;

-- system.throughput_rpm
SELECT (CAST(count(*) AS DOUBLE)) / nullif((epoch_ms(max(t.started_at)) - epoch_ms(min(t.started_at))) / 60000.0, 0) AS value FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t;

-- system.throughput_rpm.by_day
SELECT CAST(t.started_at AS DATE) AS day, CAST(count(*) AS DOUBLE) AS requests, (CAST(count(*) AS DOUBLE)) / nullif((epoch_ms(max(t.started_at)) - epoch_ms(min(t.started_at))) / 60000.0, 0) AS throughput_rpm FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY 1 ORDER BY 1 NULLS LAST;

-- system.error_rate
SELECT (CAST(count(*) FILTER (WHERE t.status_code >= 500) AS DOUBLE)) / nullif(count(t.status_code), 0) AS value FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t;

-- system.error_rate.by_day
SELECT CAST(t.started_at AS DATE) AS day, CAST(count(*) AS DOUBLE) AS requests, (CAST(count(*) FILTER (WHERE t.status_code >= 500) AS DOUBLE)) / nullif(count(t.status_code), 0) AS error_rate FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY 1 ORDER BY 1 NULLS LAST;

-- system.error_rate.by_page
SELECT t.page AS page, CAST(count(*) AS DOUBLE) AS requests, (CAST(count(*) FILTER (WHERE t.status_code >= 500) AS DOUBLE)) / nullif(count(t.status_code), 0) AS error_rate FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY 1 ORDER BY 1 NULLS LAST;

-- system.availability_pct
SELECT (100 * CAST(count(*) FILTER (WHERE t.status_code < 500) AS DOUBLE)) / nullif(count(t.status_code), 0) AS value FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t;

-- system.availability_pct.by_day
SELECT CAST(t.started_at AS DATE) AS day, CAST(count(*) AS DOUBLE) AS requests, (100 * CAST(count(*) FILTER (WHERE t.status_code < 500) AS DOUBLE)) / nullif(count(t.status_code), 0) AS availability_pct FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY 1 ORDER BY 1 NULLS LAST;

-- system.availability_pct.by_page
SELECT t.page AS page, CAST(count(*) AS DOUBLE) AS requests, (100 * CAST(count(*) FILTER (WHERE t.status_code < 500) AS DOUBLE)) / nullif(count(t.status_code), 0) AS availability_pct FROM (SELECT t.* FROM "clean"."visits" t WHERE t.started_at >= CAST('2024-01-01' AS DATE) AND t.started_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY 1 ORDER BY 1 NULLS LAST;

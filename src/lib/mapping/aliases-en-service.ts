import type { AliasTable } from './alias-table';

/** English header variants of the service and marketing tables; conventions as in aliases-en-sales.ts. */
export const ALIASES_EN_SERVICE: AliasTable = {
	communications: {
		contact_id: [
			'contact id',
			'interaction id',
			'communication id',
			'call id',
			'conversation id',
			'chat id',
			'engagement id',
			'touchpoint id',
			'activity id'
		],
		customer_id: ['customer id', 'customer no', 'client id', 'account id', 'user id', 'member id'],
		channel: ['channel', 'medium', 'contact channel', 'communication channel'],
		agent: [
			'agent',
			'agent name',
			'rep',
			'sales rep',
			'representative',
			'owner',
			'assigned to',
			'assignee',
			'handled by',
			'operator',
			'staff',
			'employee',
			'csr'
		],
		direction: ['direction', 'call direction', 'inbound outbound'],
		started_at: [
			'started at',
			'start time',
			'start',
			'start date',
			'start datetime',
			'begin time',
			'call start',
			'call time',
			'contact time',
			'contact date',
			'activity date'
		],
		ended_at: ['ended at', 'end time', 'end', 'end date', 'end datetime', 'call end', 'finish time', 'finished at'],
		duration_s: [
			'duration',
			'duration s',
			'duration sec',
			'duration secs',
			'duration seconds',
			'duration in seconds',
			'call duration',
			'call duration seconds',
			'talk time',
			'handle time',
			'seconds'
		],
		subject: ['subject', 'topic', 'reason', 'title', 'summary']
	},
	tickets: {
		ticket_id: [
			'ticket id',
			'ticket no',
			'ticket number',
			'ticket',
			'ticket key',
			'case id',
			'case number',
			'case no',
			'issue id',
			'incident id',
			'incident number',
			'request id'
		],
		customer_id: ['customer id', 'customer no', 'client id', 'user id', 'account id', 'contact id', 'requester id', 'reporter id'],
		channel: ['channel', 'via', 'source', 'origin', 'ticket channel', 'submitted via', 'contact channel'],
		category: [
			'category',
			'ticket category',
			'ticket type',
			'type',
			'issue type',
			'case type',
			'case reason',
			'problem type',
			'topic',
			'classification'
		],
		priority: ['priority', 'ticket priority', 'urgency', 'severity'],
		status: ['status', 'ticket status', 'case status', 'state'],
		created_at: [
			'created at',
			'created',
			'created date',
			'created time',
			'creation date',
			'creation time',
			'opened at',
			'opened date',
			'open date',
			'date opened',
			'submitted at',
			'reported at',
			'request date'
		],
		first_response_at: [
			'first response at',
			'first response date',
			'first response time',
			'first reply at',
			'first replied at',
			'first responded at',
			'responded at'
		],
		resolved_at: [
			'resolved at',
			'resolved',
			'resolved date',
			'resolution date',
			'resolution time',
			'solved at',
			'solved date',
			'closed at',
			'closed date',
			'date closed',
			'completed at'
		],
		satisfaction: ['satisfaction', 'satisfaction score', 'satisfaction rating', 'customer satisfaction', 'csat', 'csat score', 'rating'],
		first_response_minutes: [
			'first response minutes',
			'first response time in minutes',
			'first reply time in minutes',
			'first reply minutes',
			'minutes to first response'
		],
		resolution_minutes: ['resolution minutes', 'resolution time in minutes', 'full resolution time in minutes', 'minutes to resolution']
	},
	feedback: {
		feedback_id: ['feedback id', 'review id', 'response id', 'survey response id', 'rating id', 'comment id', 'answer id'],
		customer_id: ['customer id', 'customer no', 'client id', 'user id', 'respondent id', 'reviewer id'],
		order_id: ['order id', 'order no', 'order number'],
		channel: ['channel', 'source', 'survey channel', 'platform'],
		score: [
			'score',
			'rating',
			'review score',
			'stars',
			'star rating',
			'nps',
			'nps score',
			'csat',
			'satisfaction',
			'satisfaction score',
			'grade'
		],
		expected_score: ['expected score', 'expected rating', 'expectation', 'expectation score'],
		comment: [
			'comment',
			'comments',
			'review',
			'review text',
			'review comment',
			'review message',
			'feedback',
			'feedback text',
			'message',
			'text',
			'remarks',
			'verbatim',
			'opinion'
		],
		created_at: [
			'created at',
			'created',
			'review date',
			'feedback date',
			'submitted at',
			'submission date',
			'response date',
			'responded at',
			'survey date'
		]
	},
	campaigns: {
		activity_id: ['activity id', 'send id', 'message id', 'delivery id', 'touch id', 'campaign activity id', 'campaign member id'],
		customer_id: ['customer id', 'client id', 'recipient id', 'contact id', 'lead id', 'subscriber id', 'user id'],
		campaign: ['campaign', 'campaign name', 'campaign id', 'campaign title', 'promotion', 'promotion name', 'promo', 'program'],
		channel: ['channel', 'medium', 'campaign channel', 'utm medium', 'delivery channel', 'send channel'],
		sent_at: ['sent at', 'sent', 'send date', 'sent date', 'send time', 'sent time', 'date sent', 'launch date'],
		result: ['result', 'outcome', 'delivery status', 'send status', 'delivery result'],
		converted: ['converted', 'conversion', 'is converted', 'has converted', 'conversion flag', 'purchased'],
		cost: ['cost', 'spend', 'campaign cost', 'cost per contact', 'send cost', 'expense'],
		revenue: ['revenue', 'attributed revenue', 'conversion value', 'revenue generated', 'income']
	},
	visits: {
		customer_id: ['customer id', 'user id', 'visitor id', 'member id', 'client id', 'uid'],
		session_id: ['session id', 'session', 'session key', 'visit id', 'sid'],
		channel: ['channel', 'source', 'traffic source', 'utm source', 'medium', 'platform'],
		started_at: [
			'started at',
			'timestamp',
			'time',
			'datetime',
			'date time',
			'visit time',
			'visited at',
			'event time',
			'hit time',
			'access time',
			'log time',
			'logged at',
			'ts'
		],
		duration_s: ['duration', 'duration s', 'duration seconds', 'session duration', 'time on page', 'time on site', 'dwell time', 'seconds'],
		page: ['page', 'url', 'uri', 'path', 'page path', 'page url', 'landing page', 'endpoint', 'route', 'request path', 'request uri'],
		response_ms: [
			'response ms',
			'response time ms',
			'response time',
			'latency',
			'latency ms',
			'elapsed ms',
			'duration ms',
			'load time',
			'time taken',
			'upstream response time'
		],
		status_code: ['status code', 'http status', 'http status code', 'http code', 'response code', 'sc status', 'status']
	}
};

import type { AliasTable } from './alias-table';

/**
 * Headers of common exports, by vendor, where they differ from plain English variants.
 * Sources: the header fixtures in shared/datasets/headers (Salesforce, HubSpot, Zendesk,
 * Shopify), the Olist data set, UCI Online Retail (I and II) and the Tableau Superstore sample.
 */
export const VENDOR_ALIASES: Record<string, AliasTable> = {
	salesforce: {
		orders: {
			order_id: ['opportunity id'],
			customer_id: ['account id'],
			ordered_at: ['close date'],
			status: ['stage'],
			channel: ['lead source'],
			currency: ['opportunity currency']
		},
		customers: {
			customer_id: ['lead id'],
			phone: ['business phone', 'mobile phone'],
			city: ['mailing city', 'billing city'],
			segment: ['account type', 'type']
		},
		tickets: {
			created_at: ['date time opened', 'opened'],
			resolved_at: ['date time closed', 'closed'],
			channel: ['case origin'],
			category: ['case reason']
		},
		communications: {
			agent: ['assigned'],
			duration_s: ['call duration in seconds'],
			direction: ['call type'],
			channel: ['task subtype'],
			customer_id: ['who id', 'related to id']
		},
		campaigns: {
			result: ['member status'],
			converted: ['responded'],
			cost: ['actual cost', 'actual cost in campaign']
		}
	},
	hubspot: {
		customers: {
			customer_id: ['record id'],
			phone: ['mobile phone number'],
			segment: ['lifecycle stage']
		},
		orders: {
			order_id: ['deal id'],
			customer_id: ['associated contact', 'associated contact ids'],
			status: ['deal stage'],
			channel: ['original source', 'deal source']
		},
		tickets: {
			status: ['ticket status'],
			resolved_at: ['close date'],
			first_response_at: ['first agent email response date'],
			customer_id: ['associated contact ids']
		},
		communications: {
			subject: ['call title'],
			agent: ['activity assigned to']
		},
		feedback: {
			channel: ['feedback source'],
			created_at: ['submission date']
		}
	},
	zendesk: {
		tickets: {
			customer_id: ['requester id'],
			channel: ['via'],
			category: ['ticket type'],
			resolved_at: ['solved at'],
			satisfaction: ['satisfaction score'],
			first_response_minutes: ['first reply time in minutes'],
			resolution_minutes: ['full resolution time in minutes']
		}
	},
	shopify: {
		orders: {
			status: ['financial status'],
			approved_at: ['paid at'],
			shipped_at: ['fulfilled at'],
			amount: ['total']
		},
		order_lines: {
			quantity: ['lineitem quantity'],
			product_name: ['lineitem name'],
			unit_price: ['lineitem price'],
			product_id: ['lineitem sku']
		}
	},
	olist: {
		orders: {
			status: ['order status'],
			ordered_at: ['order purchase timestamp'],
			approved_at: ['order approved at'],
			shipped_at: ['order delivered carrier date'],
			delivered_at: ['order delivered customer date'],
			promised_at: ['order estimated delivery date']
		},
		customers: {
			person_id: ['customer unique id'],
			city: ['customer city']
		},
		payments: {
			method: ['payment type'],
			amount: ['payment value'],
			installments: ['payment installments']
		},
		order_lines: {
			line: ['order item id'],
			unit_price: ['price'],
			freight: ['freight value']
		},
		feedback: {
			feedback_id: ['review id'],
			score: ['review score'],
			comment: ['review comment message'],
			created_at: ['review creation date']
		}
	},
	onlineRetail: {
		orders: {
			order_id: ['invoice no', 'invoice'],
			customer_id: ['customer id'],
			ordered_at: ['invoice date']
		},
		order_lines: {
			order_id: ['invoice no', 'invoice'],
			product_id: ['stock code'],
			product_name: ['description'],
			unit_price: ['unit price', 'price']
		}
	},
	superstore: {
		orders: {
			ordered_at: ['order date'],
			shipped_at: ['ship date']
		},
		order_lines: {
			product_id: ['product id'],
			product_name: ['product name'],
			amount: ['sales']
		},
		customers: {
			name: ['customer name'],
			segment: ['segment']
		}
	}
};
